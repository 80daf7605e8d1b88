import Foundation

/// `manifest.json` of a registry bundle: every other file of the bundle with its sha256 and size
/// (docs/registry.md). The daemon builds bundles in memory, the CLI writes and reads them as the user, and both
/// check them with ``verify(_:)``.
public struct BundleManifest: Codable, Sendable, Hashable {
    /// One listed file.
    public struct Entry: Codable, Sendable, Hashable {
        /// Path relative to the bundle directory, `/`-separated.
        public var path: String
        /// sha256 of the file's bytes, lowercase hex.
        public var sha256: String
        /// The file's size in bytes.
        public var bytes: Int

        /// Describes a listed file.
        public init(path: String, sha256: String, bytes: Int) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// The format tag, ``BundleManifest/currentFormat``.
    public var format: String
    /// Every file of the bundle except the manifest, sorted by path.
    public var files: [Entry]

    /// The format this build writes and reads.
    public static let currentFormat = "ecad.registry-bundle/v1"
    /// The manifest's file name.
    public static let fileName = "manifest.json"
    /// The mirror index's file name: a summary of the versions for people and clients, written by
    /// `ecad registry export --mirror`; listed and checked like every file, never read by an import.
    public static let indexFileName = "index.json"
    /// The largest bundle file accepted (16 MiB).
    public static let maxFileBytes = 16 << 20

    /// Describes a manifest.
    public init(format: String = Self.currentFormat, files: [Entry]) {
        self.format = format
        self.files = files
    }

    /// The manifest listing every file of `files` except a manifest, sorted by path.
    public init(listing files: [String: Data]) {
        let entries = files.filter { $0.key != Self.fileName }.map {
            Entry(path: $0.key, sha256: SHA256.hexDigest($0.value), bytes: $0.value.count)
        }
        self.init(files: entries.sorted { $0.path < $1.path })
    }

    /// Whether `path` is one a bundle may hold: `manifest.json`, `aliases.json`, `index.json`, or
    /// `schedules/HEX.json` and `versions/HEX.json` with a 64-digit lowercase sha256, so no listed path can leave
    /// the bundle directory.
    public static func isBundlePath(_ path: String) -> Bool {
        if path == fileName || path == "aliases.json" || path == indexFileName { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "schedules" || parts[0] == "versions", parts[1].hasSuffix(".json")
        else { return false }
        let hex = parts[1].dropLast(5).utf8
        return hex.count == 64 && hex.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Checks a whole bundle, `files` by path (the manifest included): the manifest's format, that the files are
    /// exactly the listed ones with allowed paths, and every sha256 and size. Returns the manifest.
    /// - Throws: ``ECADCoreError`` (`invalidDocument`) naming the first problem.
    public static func verify(_ files: [String: Data]) throws(ECADCoreError) -> BundleManifest {
        guard let manifestBytes = files[fileName] else { throw refused("\(fileName) is missing") }
        let manifest: BundleManifest
        do {
            manifest = try JSONDecoder().decode(BundleManifest.self, from: manifestBytes)
        } catch {
            throw refused("\(fileName) is not a bundle manifest: \(error)")
        }
        guard manifest.format == currentFormat else {
            throw refused("manifest format is \"\(manifest.format)\", expected \(currentFormat)")
        }
        var listed: Set<String> = [fileName]
        for entry in manifest.files {
            guard entry.path != fileName, isBundlePath(entry.path) else {
                throw refused("the manifest lists a path a bundle may not hold: \(ECADCoreError.quoted(entry.path))")
            }
            guard listed.insert(entry.path).inserted else { throw refused("\(entry.path) is listed twice") }
            guard let bytes = files[entry.path] else { throw refused("\(entry.path) is missing") }
            guard bytes.count <= maxFileBytes else { throw refused("\(entry.path) is larger than \(maxFileBytes) bytes") }
            guard bytes.count == entry.bytes, SHA256.hexDigest(bytes) == entry.sha256 else {
                throw refused("\(entry.path) does not match its sha256 or size in the manifest")
            }
        }
        let unlisted = Set(files.keys).subtracting(listed)
        guard unlisted.isEmpty else { throw refused("files not in the manifest: \(unlisted.sorted().prefix(5).map(ECADCoreError.quoted))") }
        return manifest
    }

    private static func refused(_ message: String) -> ECADCoreError {
        ECADCoreError(.invalidDocument, message)
    }
}
