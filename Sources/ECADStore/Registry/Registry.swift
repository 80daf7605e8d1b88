import ECADCore
import Foundation
internal import GRDB

/// Published schedule versions (immutable, by digest) and aliases that point at them, with every move logged.
public struct Registry: Sendable {
    let database: StoreDatabase

    /// Publishes `version` unless its digest is already stored; returns whether it was new.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for an empty digest, model id or bad steps.
    @discardableResult
    public func publish(_ version: RegistryVersion) async throws -> Bool {
        try Self.validate(version)
        let now = database.now
        return try await database.write { db in try Self.insert(version, db: db, now: now) }
    }

    /// The version with this digest.
    /// - Throws: ``StoreError/notFound(what:key:)``.
    public func version(_ digest: String) async throws -> RegistryVersion {
        try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registryVersion WHERE digest = ?", arguments: [digest])
            else { throw StoreError.notFound(what: "registry version", key: digest) }
            return try Self.version(row)
        }
    }

    /// Every version, or those of one model, oldest first.
    public func versions(modelID: String? = nil) async throws -> [RegistryVersion] {
        try await database.read { db in
            let rows =
                if let modelID {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM registryVersion WHERE modelId = ? ORDER BY createdAt, digest",
                        arguments: [modelID])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM registryVersion ORDER BY createdAt, digest")
                }
            return try rows.map(Self.version)
        }
    }

    /// Points alias `NAME@label` at version `digest`, puts the version under `name` and logs the move (a no-op
    /// move is not logged), in one transaction. A new name becomes `actor`'s.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad name or label; ``StoreError/notFound(what:key:)``
    ///   for an unknown digest; ``StoreError/forbidden(_:)`` unless `actor` owns `name` or is an admin.
    public func setAlias(_ label: String, of name: String, to digest: String, by actor: RegistryActor) async throws {
        try Self.validateName(name)
        try Self.validateLabel(label)
        let now = database.now
        try await database.write { db in
            try Self.requireVersion(digest, db: db)
            try Self.authorize(actor, toChange: name, doing: "move the aliases of", db: db, now: now)
            try Self.addName(name, digest: digest, by: actor, db: db, now: now)
            try Self.move(alias: "\(name)@\(label)", to: digest, by: actor.uid, db: db, now: now)
        }
    }

    /// The version alias `name` points at.
    /// - Throws: ``StoreError/notFound(what:key:)``.
    public func resolve(alias name: String) async throws -> RegistryVersion {
        try await database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT v.* FROM registryAlias a JOIN registryVersion v ON v.digest = a.digest WHERE a.name = ?",
                    arguments: [name])
            else { throw StoreError.notFound(what: "alias", key: name) }
            return try Self.version(row)
        }
    }

    /// Every alias and the digest it points at, by name.
    public func aliases() async throws -> [String: String] {
        try await database.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, digest FROM registryAlias") {
                result[row["name"]] = row["digest"]
            }
            return result
        }
    }

    /// The logged moves of alias `name`, oldest first.
    public func history(alias name: String) async throws -> [AliasMove] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registryAliasMove WHERE name = ? ORDER BY id", arguments: [name]).map {
                let actor: Int64? = $0["actorUid"]
                return AliasMove(
                    name: name, fromDigest: $0["fromDigest"], toDigest: $0["toDigest"],
                    time: Date(storeSeconds: $0["time"]), actorUID: actor.map { UInt32($0) })
            }
        }
    }

    /// Checks the fields a version must have.
    static func validate(_ version: RegistryVersion) throws(StoreError) {
        guard !version.digest.isEmpty else { throw StoreError.invalidInput(field: "digest", message: "must not be empty") }
        try InputLimits.validateRegistryName(version.modelID, field: "modelID")
        guard version.steps > 0, version.resolution > 0 else {
            throw StoreError.invalidInput(field: "steps", message: "steps and resolution must be positive")
        }
    }

    /// Inserts `version` unless its digest is stored; returns whether it was new. With `imported`, the version is
    /// recorded as imported and a stored one is kept as it is; without, a stored imported version is taken over
    /// by this one (a job of this daemon produced it, so its metrics and provenance replace the bundle's claims).
    static func insert(_ version: RegistryVersion, imported: RegistryImport? = nil, db: Database, now: Date) throws -> Bool {
        let conflict = imported != nil ? "DO NOTHING" : """
            DO UPDATE SET metrics = excluded.metrics, provenance = excluded.provenance, jobId = excluded.jobId,
                importedAt = NULL, importedByUid = NULL, importedByName = NULL, importBundleSha256 = NULL
            WHERE registryVersion.importedAt IS NOT NULL
            """
        try db.execute(
            sql: """
                INSERT INTO registryVersion (digest, schedule, modelId, weightsDigest, sampler, steps, resolution,
                    calibrationPromptSetDigest, metrics, provenance, jobId, createdAt,
                    importedAt, importedByUid, importedByName, importBundleSha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (digest) \(conflict)
                """,
            arguments: [version.digest, version.scheduleJSON, version.modelID, version.weightsDigest,
                        version.sampler, version.steps, version.resolution, version.calibrationPromptSetDigest,
                        version.metricsJSON, version.provenanceJSON, imported == nil ? version.jobID?.rawValue : nil,
                        now.storeSeconds, imported?.time.storeSeconds, imported?.uid.map { Int64($0) },
                        imported?.userName, imported?.bundleSha256])
        return db.changesCount == 1
    }

    /// Points alias `name` at `digest` and logs the move; a no-op move is not logged.
    static func move(alias name: String, to digest: String, by actor: UInt32?, db: Database, now: Date) throws {
        try requireVersion(digest, db: db)
        let previous = try String.fetchOne(db, sql: "SELECT digest FROM registryAlias WHERE name = ?", arguments: [name])
        guard previous != digest else { return }
        let actorValue = actor.map { Int64($0) }
        try db.execute(
            sql: """
                INSERT INTO registryAlias (name, digest, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, updatedAt = excluded.updatedAt,
                    updatedBy = excluded.updatedBy
                """,
            arguments: [name, digest, now.storeSeconds, actorValue])
        try db.execute(
            sql: "INSERT INTO registryAliasMove (name, fromDigest, toDigest, time, actorUid) VALUES (?, ?, ?, ?, ?)",
            arguments: [name, previous, digest, now.storeSeconds, actorValue])
    }

    /// Throws ``StoreError/notFound(what:key:)`` unless version `digest` is stored.
    static func requireVersion(_ digest: String, db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM registryVersion WHERE digest = ?", arguments: [digest]) != nil
        else { throw StoreError.notFound(what: "registry version", key: digest) }
    }

    static func version(_ row: Row) throws -> RegistryVersion {
        let stored: Int64? = row["jobId"]
        let jobID = try stored.map { try JobID(stored: $0) }
        let importedAt: Double? = row["importedAt"]
        let importer: Int64? = row["importedByUid"]
        let imported = importedAt.map {
            RegistryImport(
                time: Date(storeSeconds: $0), uid: importer.map { UInt32(truncatingIfNeeded: $0) },
                userName: row["importedByName"], bundleSha256: row["importBundleSha256"])
        }
        return RegistryVersion(
            digest: row["digest"], scheduleJSON: row["schedule"], modelID: row["modelId"],
            weightsDigest: row["weightsDigest"], sampler: row["sampler"], steps: row["steps"],
            resolution: row["resolution"], calibrationPromptSetDigest: row["calibrationPromptSetDigest"],
            metricsJSON: row["metrics"], provenanceJSON: row["provenance"], jobID: jobID,
            createdAt: Date(storeSeconds: row["createdAt"]), imported: imported)
    }
}
