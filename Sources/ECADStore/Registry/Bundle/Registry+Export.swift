import ECADCore
import Foundation
internal import GRDB

extension Registry {
    /// Writes the versions (all, or those of `modelID`), the names and aliases that point at them, and a manifest of
    /// sha256 digests into `directory`, which must not exist or be empty. The schedules are plain
    /// `ecad.schedule/v1` files, so the bundle is readable without ecad (docs/registry.md).
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a non-empty directory or a write failure.
    @discardableResult
    public func export(to directory: URL, modelID: String? = nil) async throws -> RegistryBundleSummary {
        let versions = try await versions(modelID: modelID)
        let kept = Set(versions.map(\.digest))
        let names = try await names().compactMapValues { digests -> [String]? in
            let inside = digests.filter(kept.contains)
            return inside.isEmpty ? nil : inside
        }
        let aliases = try await aliases().filter { kept.contains($0.value) }

        try Self.prepareEmpty(directory)
        var files: [(path: String, data: Data)] = []
        for version in versions {
            files.append(("schedules/\(version.digest).json", Data(version.scheduleJSON.utf8)))
            files.append(("versions/\(version.digest).json", try RegistryJSON.file(BundleVersionRecord(version))))
        }
        files.append(("aliases.json", try RegistryJSON.file(BundleAliases(names: names, aliases: aliases))))
        var entries: [BundleManifest.Entry] = []
        for file in files {
            try Self.write(file.data, to: directory, path: file.path)
            entries.append(.init(path: file.path, sha256: SHA256.hexDigest(file.data), bytes: file.data.count))
        }
        let manifest = BundleManifest(format: BundleManifest.currentFormat, files: entries.sorted { $0.path < $1.path })
        try Self.write(try RegistryJSON.file(manifest), to: directory, path: BundleManifest.fileName)
        return RegistryBundleSummary(
            versions: versions.count, newVersions: versions.count, aliases: aliases.count, files: entries.count)
    }

    private static func prepareEmpty(_ directory: URL) throws(StoreError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.path) {
            let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? ["?"]
            guard contents.isEmpty else {
                throw .invalidInput(field: "directory", message: "\(directory.path) exists and is not an empty directory")
            }
        }
        do {
            for folder in ["schedules", "versions"] {
                try manager.createDirectory(
                    at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        } catch {
            throw .invalidInput(field: "directory", message: "cannot create \(directory.path): \(error)")
        }
    }

    private static func write(_ data: Data, to directory: URL, path: String) throws(StoreError) {
        do {
            try data.write(to: directory.appendingPathComponent(path), options: .withoutOverwriting)
        } catch {
            throw .invalidInput(field: "directory", message: "cannot write \(path): \(error)")
        }
    }
}
