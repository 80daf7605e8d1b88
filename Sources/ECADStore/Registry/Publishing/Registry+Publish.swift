import ECADCore
import Foundation
internal import GRDB

extension Registry {
    /// Publishes a finished search's front in one transaction: every member as a version, all of them under
    /// `front.name`, and the aliases `NAME@fastest`, `NAME@balanced`, `NAME@quality` moved by ``AliasRule``
    /// (moves logged with `actor`, nil for the daemon).
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad name, an empty front or bad member fields.
    @discardableResult
    public func publish(front: FrontPublication, by actor: UInt32? = nil) async throws -> PublishedFront {
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
            var added = 0
            for version in versions {
                if try Self.insert(version, db: db, now: now) { added += 1 }
                try Self.addName(front.name, digest: version.digest, db: db, now: now)
            }
            for (label, digest) in chosen.sorted(by: { $0.key < $1.key }) {
                try Self.move(alias: "\(front.name)@\(label)", to: digest, by: actor, db: db, now: now)
            }
            return added
        }
        return PublishedFront(name: front.name, digests: versions.map(\.digest), newVersions: added, aliases: chosen)
    }

    /// Puts version `digest` under registry name `name` (idempotent).
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad name; ``StoreError/notFound(what:key:)``.
    public func addName(_ name: String, digest: String) async throws {
        try Self.validateName(name)
        let now = database.now
        try await database.write { db in
            try Self.requireVersion(digest, db: db)
            try Self.addName(name, digest: digest, db: db, now: now)
        }
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

    static func addName(_ name: String, digest: String, db: Database, now: Date) throws {
        try db.execute(
            sql: "INSERT INTO registryName (name, digest, addedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [name, digest, now.storeSeconds])
    }
}
