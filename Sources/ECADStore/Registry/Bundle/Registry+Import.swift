import ECADCore
import Foundation
internal import GRDB

extension Registry {
    /// Imports a bundle (files by path, as ``exportBundle(modelID:)`` makes them) after verifying all of it
    /// (``BundleReader``), in one transaction: versions, names, and aliases (moves logged with `actor`). New
    /// versions are recorded as imported by `actor` from the bundle whose `manifest.json` has the returned sha256;
    /// their metrics and provenance are only what the bundle claims. If any file, digest, name or alias is wrong,
    /// or a name belongs to another user (and `actor` is no admin), nothing is imported.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` with field `bundle` naming the first problem found;
    ///   ``StoreError/forbidden(_:)`` naming a name's owner.
    @discardableResult
    public func importBundle(_ files: [String: Data], by actor: RegistryActor) async throws -> RegistryBundleSummary {
        let bundle = try BundleReader(files: files).read()
        for version in bundle.versions { try Self.validate(version) }
        for name in bundle.aliases.names.keys { try Self.validateName(name, field: "bundle name") }
        let aliases = try bundle.aliases.aliases.map { key, digest in
            guard let at = key.firstIndex(of: "@") else {
                throw BundleReader.refused("alias \(key.prefix(200)) is not NAME@ALIAS")
            }
            let name = String(key[..<at])
            try Self.validateName(name, field: "bundle alias")
            try Self.validateLabel(String(key[key.index(after: at)...]))
            return (key: key, name: name, digest: digest)
        }
        let now = database.now
        let record = RegistryImport(time: now, uid: actor.uid, userName: actor.userName, bundleSha256: bundle.sha256)
        let added = try await database.write { db in
            for name in Set(bundle.aliases.names.keys).union(aliases.map(\.name)).sorted() {
                try Self.authorize(actor, toChange: name, doing: "import into", db: db, now: now)
            }
            var added = 0
            for version in bundle.versions {
                if try Self.insert(version, imported: record, db: db, now: now) { added += 1 }
            }
            for (name, digests) in bundle.aliases.names.sorted(by: { $0.key < $1.key }) {
                for digest in digests {
                    try Self.requireBundled(digest, db: db)
                    try Self.addName(name, digest: digest, by: actor, db: db, now: now)
                }
            }
            for alias in aliases.sorted(by: { $0.key < $1.key }) {
                try Self.requireBundled(alias.digest, db: db)
                try Self.addName(alias.name, digest: alias.digest, by: actor, db: db, now: now)
                try Self.move(alias: alias.key, to: alias.digest, by: actor.uid, db: db, now: now)
            }
            return added
        }
        return RegistryBundleSummary(
            versions: bundle.versions.count, newVersions: added, aliases: aliases.count, files: bundle.files,
            bundleSha256: bundle.sha256)
    }

    private static func requireBundled(_ digest: String, db: Database) throws {
        do {
            try requireVersion(digest, db: db)
        } catch {
            throw BundleReader.refused("no version \(digest) in the bundle or the store")
        }
    }
}
