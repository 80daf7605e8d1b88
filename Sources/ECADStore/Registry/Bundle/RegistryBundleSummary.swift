/// What an export wrote or an import stored.
public struct RegistryBundleSummary: Sendable, Hashable, Codable {
    /// Versions in the bundle.
    public var versions: Int
    /// Of those, versions the store did not have before (import only; equal to ``versions`` on export).
    public var newVersions: Int
    /// Aliases in the bundle.
    public var aliases: Int
    /// Files listed in the manifest.
    public var files: Int
}
