import ECADCore
import Foundation

extension Registry {
    /// The bundle of the versions (all, or those of `modelID`), the names and aliases that point at them, and a
    /// manifest of sha256 digests, as files by path (`manifest.json` included). The daemon hands them to the CLI,
    /// which writes them as the user; the schedules are plain `ecad.schedule/v1` files, so the bundle is readable
    /// without ecad (docs/registry.md).
    /// - Throws: ``StoreError/invalidInput(field:message:)`` if a file cannot be encoded.
    public func exportBundle(modelID: String? = nil) async throws -> [String: Data] {
        let versions = try await versions(modelID: modelID)
        let kept = Set(versions.map(\.digest))
        let names = try await names().compactMapValues { digests -> [String]? in
            let inside = digests.filter(kept.contains)
            return inside.isEmpty ? nil : inside
        }
        let aliases = try await aliases().filter { kept.contains($0.value) }
        var files: [String: Data] = [:]
        for version in versions {
            files["schedules/\(version.digest).json"] = Data(version.scheduleJSON.utf8)
            files["versions/\(version.digest).json"] = try RegistryJSON.file(BundleVersionRecord(version))
        }
        files["aliases.json"] = try RegistryJSON.file(BundleAliases(names: names, aliases: aliases))
        files[BundleManifest.fileName] = try RegistryJSON.file(BundleManifest(listing: files))
        return files
    }
}
