import Foundation

/// A file a job produced (image, table, plot, schedule), stored under the job's folder in the state dir.
public struct Artifact: Sendable, Hashable {
    /// A short kind, e.g. `image`, `table`, `plot`, `schedule`, `front`.
    public var kind: String
    /// The path relative to the job's artifact folder (validated: no `..`, not absolute).
    public var relativePath: String
    /// sha256 of the content, lowercase hex.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int64

    /// Describes an artifact.
    public init(kind: String, relativePath: String, sha256: String, bytes: Int64) {
        self.kind = kind
        self.relativePath = relativePath
        self.sha256 = sha256
        self.bytes = bytes
    }
}
