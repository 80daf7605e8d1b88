import Foundation
internal import GRDB

extension Registry {
    /// The owner of registry name `name`, or nil for a name nobody has used yet.
    public func owner(of name: String) async throws -> RegistryOwner? {
        try await database.read { db in try Self.owner(of: name, db: db) }
    }

    /// Checks an alias label such as `fastest`: a valid name segment without `/` or `@`.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `alias`.
    public static func validateLabel(_ label: String) throws(StoreError) {
        try InputLimits.validateJobName(label, field: "alias")
        guard !label.contains("@") else { throw .invalidInput(field: "alias", message: "must not contain \"@\"") }
    }

    /// Makes sure `actor` may change name `name`, inside the caller's transaction: a new name becomes `actor`'s
    /// (its first publisher); an existing one may be changed by its owner or an admin. `doing` describes the
    /// action for the refusal, e.g. `import into`.
    /// - Throws: ``StoreError/forbidden(_:)`` naming the owner.
    static func authorize(_ actor: RegistryActor, toChange name: String, doing: String, db: Database, now: Date) throws {
        guard let owner = try owner(of: name, db: db) else {
            try db.execute(
                sql: "INSERT INTO registryOwner (name, ownerUid, ownerName, since) VALUES (?, ?, ?, ?)",
                arguments: [name, Int64(actor.uid), actor.userName, now.storeSeconds])
            return
        }
        guard owner.allows(actor) else {
            throw StoreError.forbidden(
                "registry name \(name) belongs to \(owner.summary): \(actor.userName) (uid \(actor.uid)) may not "
                    + "\(doing) it")
        }
    }

    static func owner(of name: String, db: Database) throws -> RegistryOwner? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registryOwner WHERE name = ?", arguments: [name])
        else { return nil }
        let uid: Int64? = row["ownerUid"]
        return RegistryOwner(
            name: name, uid: uid.map { UInt32(truncatingIfNeeded: $0) }, userName: row["ownerName"],
            since: Date(storeSeconds: row["since"]))
    }
}
