/// `manifest.json` of a registry bundle: every other file of the bundle with its sha256 and size.
public struct BundleManifest: Codable, Sendable, Hashable {
    /// One listed file.
    public struct Entry: Codable, Sendable, Hashable {
        /// Path relative to the bundle directory, `/`-separated.
        public var path: String
        /// sha256 of the file's bytes, lowercase hex.
        public var sha256: String
        /// The file's size in bytes.
        public var bytes: Int
    }

    /// The format tag, ``BundleManifest/currentFormat``.
    public var format: String
    /// Every file of the bundle except the manifest, sorted by path.
    public var files: [Entry]

    /// The format this build writes and reads.
    public static let currentFormat = "ecad.registry-bundle/v1"
    /// The manifest's file name.
    public static let fileName = "manifest.json"
}
