import Foundation

/// How a version came into this store by import: the version's metrics and provenance are then only what the
/// bundle claimed (docs/registry.md, "Provenance of imports").
public struct RegistryImport: Sendable, Hashable {
    /// When it was imported.
    public var time: Date
    /// Who imported it (nil for versions imported before ownership was recorded).
    public var uid: UInt32?
    /// The importer's user name (nil when unknown).
    public var userName: String?
    /// sha256 of the bundle's `manifest.json` (nil when unknown).
    public var bundleSha256: String?

    /// Describes an import.
    public init(time: Date, uid: UInt32?, userName: String?, bundleSha256: String?) {
        self.time = time
        self.uid = uid
        self.userName = userName
        self.bundleSha256 = bundleSha256
    }
}
