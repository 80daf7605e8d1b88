import Foundation

/// A registry bundle on the wire: the answer of `POST /v1/registry/export` and the body of
/// `POST /v1/registry/import`. The CLI writes and reads the bundle directory as the user; the daemon never opens
/// a path for it (docs/registry.md).
public struct RegistryBundleBody: Codable, Sendable, Hashable {
    /// One file of the bundle.
    public struct File: Codable, Sendable, Hashable {
        /// Path inside the bundle directory, e.g. `versions/<digest>.json` or `manifest.json`.
        public var path: String
        /// The file's bytes (base64 in JSON).
        public var content: Data

        /// Describes a file.
        public init(path: String, content: Data) {
            self.path = path
            self.content = content
        }
    }

    /// Every file, `manifest.json` included, sorted by path.
    public var files: [File]

    /// Describes a bundle.
    public init(files: [File]) { self.files = files }

    /// A bundle of `files` by path.
    public init(files: [String: Data]) {
        self.files = files.sorted { $0.key < $1.key }.map { File(path: $0.key, content: $0.value) }
    }

    /// The files by path, or nil when a path occurs twice.
    public var byPath: [String: Data]? {
        var result: [String: Data] = [:]
        for file in files {
            guard result.updateValue(file.content, forKey: file.path) == nil else { return nil }
        }
        return result
    }
}
