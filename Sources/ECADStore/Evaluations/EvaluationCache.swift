import ECADCore
import Foundation
internal import GRDB

/// Evaluated candidates by ``EvaluationKey``, shared by every job: look up before evaluating, insert after.
public struct EvaluationCache: Sendable {
    let database: StoreDatabase

    /// The evaluation stored under `key`, or nil.
    public func lookup(_ key: EvaluationKey) async throws -> Evaluation? {
        try await database.read { db in try EvaluationRows(db: db).fetch(key) }
    }

    /// The stored evaluations among `keys` (keys not evaluated yet are absent).
    public func lookup(_ keys: [EvaluationKey]) async throws -> [EvaluationKey: Evaluation] {
        try await database.read { db in
            let rows = EvaluationRows(db: db)
            var found: [EvaluationKey: Evaluation] = [:]
            for key in keys { found[key] = try rows.fetch(key) }
            return found
        }
    }

    /// Stores `evaluation` unless its key is already stored; returns whether it was stored. The first result for a
    /// key wins (evaluations are deterministic, so a second one would be the same), except that a failed candidate's
    /// placeholder (``Evaluation/isFailed``) is replaced by the next result, so it belongs to the job that last tried.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a malformed key.
    @discardableResult
    public func insert(_ evaluation: Evaluation) async throws -> Bool {
        try evaluation.key.validate()
        let now = database.now
        return try await database.write { db in try EvaluationRows(db: db).insert(evaluation, now: now) }
    }

    /// How many evaluations are stored.
    public func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation") ?? 0 }
    }
}

/// Row access for `evaluation`, shared by the cache and checkpoint saves.
struct EvaluationRows {
    let db: Database

    func fetch(_ key: EvaluationKey) throws -> Evaluation? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM evaluation WHERE modelDigest = ? AND scheduleDigest = ? AND promptSetDigest = ?
                AND seeds = ? AND sampler = ? AND metricVersions = ?
                """,
            arguments: [key.modelDigest, key.scheduleDigest, key.promptSetDigest, key.seedsText, key.sampler,
                        key.metricVersionsText])
        guard let row else { return nil }
        let rewardsText: String = row["perPromptRewards"]
        var rewards: [Double] = []
        for part in rewardsText.split(separator: ",") {
            guard let value = Double(part) else { throw StoreError.database("bad stored rewards \(rewardsText)") }
            rewards.append(value)
        }
        let jobID: Int64? = row["jobId"]
        return Evaluation(
            key: key, metricsJSON: row["metrics"], perPromptRewards: rewards, macs: row["macs"],
            latencySeconds: row["latencySeconds"], jobID: try jobID.map { try JobID(stored: $0) },
            createdAt: Date(storeSeconds: row["createdAt"]))
    }

    func insert(_ evaluation: Evaluation, now: Date) throws -> Bool {
        let key = evaluation.key
        try db.execute(
            sql: """
                INSERT INTO evaluation (modelDigest, scheduleDigest, promptSetDigest, seeds, sampler, metricVersions,
                    metrics, perPromptRewards, macs, latencySeconds, jobId, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET metrics = excluded.metrics, perPromptRewards = excluded.perPromptRewards,
                    macs = excluded.macs, latencySeconds = excluded.latencySeconds, jobId = excluded.jobId,
                    createdAt = excluded.createdAt
                WHERE instr(evaluation.metrics, ?) > 0
                """,
            arguments: [key.modelDigest, key.scheduleDigest, key.promptSetDigest, key.seedsText, key.sampler,
                        key.metricVersionsText, evaluation.metricsJSON,
                        evaluation.perPromptRewards.map { String($0) }.joined(separator: ","), evaluation.macs,
                        evaluation.latencySeconds, evaluation.jobID?.rawValue, now.storeSeconds,
                        Evaluation.failedMarker])
        return db.changesCount == 1
    }
}
