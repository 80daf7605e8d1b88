import Foundation
internal import GRDB

extension Registry {
    /// The shortest digest prefix a reference may use.
    public static let minimumPrefix = 8

    /// The version a reference names: `NAME@ALIAS`; a digest or a unique digest prefix of at least
    /// ``minimumPrefix`` hex digits; an alias stored under exactly that key; or a name, meaning `NAME@balanced`
    /// (or its only version).
    /// - Throws: ``StoreError/notFound(what:key:)`` when nothing matches; ``StoreError/invalidInput(field:message:)``
    ///   for an ambiguous prefix or a name with several versions and no `balanced` alias.
    public func resolve(ref: String) async throws -> RegistryVersion {
        try InputLimits.checkSize(ref, limit: InputLimits.maxNameBytes, field: "ref")
        return try await database.read { db in try Self.resolve(ref: ref, db: db) }
    }

    /// The version `query` picks among the versions under name `scope` that its owner or an admin put there, or,
    /// when no such name exists, among the versions of model `scope` that jobs of this daemon published (imported
    /// versions only carry claimed metrics, so a model-wide query never picks them).
    /// - Throws: ``StoreError/notFound(what:key:)`` naming the query when nothing qualifies.
    public func resolve(_ query: RegistryQuery, in scope: String) async throws -> RegistryVersion {
        try InputLimits.checkSize(scope, limit: InputLimits.maxNameBytes, field: "ref")
        let candidates = try await database.read { db in
            let isName = try Self.owner(of: scope, db: db) != nil
            let rows = isName
                ? try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.* FROM registryName n JOIN registryVersion v ON v.digest = n.digest
                        WHERE n.name = ? AND n.addedByUid IS NOT NULL
                        """,
                    arguments: [scope])
                : try Row.fetchAll(
                    db, sql: "SELECT * FROM registryVersion WHERE modelId = ? AND importedAt IS NULL", arguments: [scope])
            return try rows.map(Self.version)
        }
        guard !candidates.isEmpty else { throw StoreError.notFound(what: "registry name or model", key: scope) }
        guard let picked = try query.pick(candidates) else {
            throw StoreError.notFound(what: "version of \(scope) with", key: query.summary)
        }
        return picked
    }

    static func resolve(ref: String, db: Database) throws -> RegistryVersion {
        if let row = try Row.fetchOne(
            db, sql: "SELECT v.* FROM registryAlias a JOIN registryVersion v ON v.digest = a.digest WHERE a.name = ?",
            arguments: [ref])
        {
            return try version(row)
        }
        if ref.contains("@") { throw StoreError.notFound(what: "alias", key: ref) }
        if ref.utf8.count >= minimumPrefix, ref.utf8.allSatisfy(Self.isHexDigit) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM registryVersion WHERE substr(digest, 1, ?) = ? LIMIT 2",
                arguments: [ref.utf8.count, ref])
            if rows.count > 1 {
                throw StoreError.invalidInput(field: "ref", message: "digest prefix \(ref) matches several versions")
            }
            if let row = rows.first { return try version(row) }
        }
        let digests = try String.fetchAll(
            db, sql: "SELECT digest FROM registryName WHERE name = ? AND addedByUid IS NOT NULL", arguments: [ref])
        if let row = try Row.fetchOne(
            db, sql: "SELECT v.* FROM registryAlias a JOIN registryVersion v ON v.digest = a.digest WHERE a.name = ?",
            arguments: ["\(ref)@\(AliasRule.balanced.rawValue)"])
        {
            return try version(row)
        }
        if digests.count == 1, let only = digests.first,
            let row = try Row.fetchOne(db, sql: "SELECT * FROM registryVersion WHERE digest = ?", arguments: [only])
        {
            return try version(row)
        }
        if digests.count > 1 {
            throw StoreError.invalidInput(
                field: "ref", message: "\(ref) has \(digests.count) versions and no balanced alias; use NAME@ALIAS")
        }
        throw StoreError.notFound(what: "registry version, name or alias", key: ref)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
