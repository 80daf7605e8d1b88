import Foundation
internal import GRDB

extension Registry {
    /// Imports a bundle written by ``export(to:modelID:)`` after verifying all of it (``BundleReader``), in one
    /// transaction: versions, names, and aliases (moves logged with `actor`). If any file, digest, name or alias
    /// is wrong, nothing is imported.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` with field `bundle` naming the first problem found.
    @discardableResult
    public func importBundle(from directory: URL, by actor: UInt32?) async throws -> RegistryBundleSummary {
        let bundle = try BundleReader(directory: directory).read()
        for version in bundle.versions { try Self.validate(version) }
        for name in bundle.aliases.names.keys { try Self.validateName(name, field: "bundle name") }
        for alias in bundle.aliases.aliases.keys { try InputLimits.validateRegistryName(alias, field: "bundle alias") }
        let now = database.now
        let added = try await database.write { db in
            var added = 0
            for version in bundle.versions {
                if try Self.insert(version, db: db, now: now) { added += 1 }
            }
            for (name, digests) in bundle.aliases.names.sorted(by: { $0.key < $1.key }) {
                for digest in digests {
                    try Self.requireBundled(digest, db: db)
                    try Self.addName(name, digest: digest, db: db, now: now)
                }
            }
            for (alias, digest) in bundle.aliases.aliases.sorted(by: { $0.key < $1.key }) {
                try Self.requireBundled(digest, db: db)
                try Self.move(alias: alias, to: digest, by: actor, db: db, now: now)
            }
            return added
        }
        return RegistryBundleSummary(
            versions: bundle.versions.count, newVersions: added, aliases: bundle.aliases.aliases.count,
            files: bundle.files)
    }

    private static func requireBundled(_ digest: String, db: Database) throws {
        do {
            try requireVersion(digest, db: db)
        } catch {
            throw BundleReader.refused("no version \(digest) in the bundle or the store")
        }
    }
}
