import ECADCore
import Foundation
internal import GRDB

extension Registry {
    /// Publishes a finished search's front in one transaction: every member as a version, all of them under
    /// `front.name`, and the aliases `NAME@fastest`, `NAME@balanced`, `NAME@quality` moved by ``AliasRule``
    /// (moves logged with `actor`, the job's owner). A new name becomes `actor`'s.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad name, an empty front or bad member fields;
    ///   ``StoreError/forbidden(_:)`` when the name belongs to another user and `actor` is no admin.
    @discardableResult
    public func publish(front: FrontPublication, by actor: RegistryActor) async throws -> PublishedFront {
        try Self.validateName(front.name)
        guard !front.members.isEmpty else {
            throw StoreError.invalidInput(field: "front", message: "a front to publish has at least one member")
        }
        let versions = front.members.map(front.version(of:))
        for version in versions { try Self.validate(version) }
        let picks = front.members.map { (digest: $0.document.digest.hex, metrics: $0.metrics) }
        var aliases: [String: String] = [:]
        for rule in AliasRule.allCases {
            aliases[rule.rawValue] = rule.pick(picks, uncachedReward: front.uncachedReward)
        }
        let chosen = aliases
        let now = database.now
        let added = try await database.write { db in
            try Self.authorize(actor, toChange: front.name, doing: "publish into", db: db, now: now)
            var added = 0
            for version in versions {
                if try Self.insert(version, db: db, now: now) { added += 1 }
                try Self.addName(front.name, digest: version.digest, by: actor, db: db, now: now)
            }
            for (label, digest) in chosen.sorted(by: { $0.key < $1.key }) {
                try Self.move(alias: "\(front.name)@\(label)", to: digest, by: actor.uid, db: db, now: now)
            }
            return added
        }
        return PublishedFront(name: front.name, digests: versions.map(\.digest), newVersions: added, aliases: chosen)
    }

    /// The registry names, each with its version digests (sorted).
    public func names() async throws -> [String: [String]] {
        try await database.read { db in
            var result: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, digest FROM registryName ORDER BY name, digest") {
                result[row["name"], default: []].append(row["digest"])
            }
            return result
        }
    }

    /// Checks a registry name: a valid registry path (``InputLimits/validateRegistryName(_:field:)``) without `@`,
    /// which separates a name from an alias label in a reference.
    /// - Throws: ``StoreError/invalidInput(field:message:)``.
    public static func validateName(_ name: String, field: String = "name") throws(StoreError) {
        try InputLimits.validateRegistryName(name, field: field)
        guard !name.contains("@") else {
            throw .invalidInput(field: field, message: "must not contain \"@\" (it separates name and alias)")
        }
    }

    /// Puts version `digest` under `name`, recording `actor` (the caller has authorized them). A row from before
    /// ownership was recorded (no `addedByUid`) is taken over, so the version counts for the name's queries again.
    static func addName(_ name: String, digest: String, by actor: RegistryActor, db: Database, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO registryName (name, digest, addedAt, addedByUid) VALUES (?, ?, ?, ?)
                ON CONFLICT (name, digest) DO UPDATE SET addedByUid = excluded.addedByUid
                WHERE registryName.addedByUid IS NULL
                """,
            arguments: [name, digest, now.storeSeconds, Int64(actor.uid)])
    }
}
