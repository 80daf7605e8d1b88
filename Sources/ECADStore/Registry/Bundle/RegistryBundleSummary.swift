/// What an import stored.
public struct RegistryBundleSummary: Sendable, Hashable, Codable {
    /// Versions in the bundle.
    public var versions: Int
    /// Of those, versions the store did not have before.
    public var newVersions: Int
    /// Aliases in the bundle.
    public var aliases: Int
    /// Files listed in the manifest.
    public var files: Int
    /// sha256 of the bundle's `manifest.json`, recorded on every version it added.
    public var bundleSha256: String
}
