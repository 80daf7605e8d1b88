import ECADCore
import Foundation
internal import GRDB

/// Per-job checkpoints; the last ``StoreConfiguration/checkpointsKept`` of each job are kept.
public struct CheckpointStore: Sendable {
    let database: StoreDatabase

    /// Saves a generation's state together with the evaluations it produced, in one transaction, and resets the
    /// job's crash streak (it made progress). Saving a generation again replaces it.
    /// - Returns: how many of `evaluations` were new to the cache.
    /// - Throws: ``StoreError/jobNotFound(_:)``; ``StoreError/invalidTransition(job:from:transition:)`` when
    ///   the job is terminal; ``StoreError/invalidInput(field:message:)`` for a negative generation.
    @discardableResult
    public func save(job id: JobID, generation: Int, state: Data, evaluations: [Evaluation] = []) async throws -> Int {
        guard generation >= 0 else {
            throw StoreError.invalidInput(field: "generation", message: "\(generation) is negative")
        }
        for evaluation in evaluations { try evaluation.key.validate() }
        let now = database.now
        let kept = max(database.configuration.checkpointsKept, 1)
        return try await database.write { db in
            let job = try Job.require(db, id: id)
            guard !job.state.isTerminal else {
                throw StoreError.invalidTransition(job: id, from: job.state, transition: "checkpoint")
            }
            let rows = EvaluationRows(db: db)
            let inserted = try evaluations.reduce(0) { count, evaluation in
                try count + (rows.insert(evaluation, now: now) ? 1 : 0)
            }
            try db.execute(
                sql: """
                    INSERT INTO checkpoint (jobId, generation, state, createdAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (jobId, generation) DO UPDATE SET state = excluded.state, createdAt = excluded.createdAt
                    """,
                arguments: [id.rawValue, generation, state, now.storeSeconds])
            try db.execute(
                sql: """
                    DELETE FROM checkpoint WHERE jobId = ? AND id NOT IN
                        (SELECT id FROM checkpoint WHERE jobId = ? ORDER BY generation DESC LIMIT ?)
                    """,
                arguments: [id.rawValue, id.rawValue, kept])
            try db.execute(sql: "UPDATE job SET consecutiveCrashes = 0 WHERE id = ?", arguments: [id.rawValue])
            return inserted
        }
    }

    /// The job's newest checkpoint, or nil before the first.
    public func latest(job id: JobID) async throws -> Checkpoint? {
        try await database.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM checkpoint WHERE jobId = ? ORDER BY generation DESC LIMIT 1",
                arguments: [id.rawValue])
            return row.map {
                Checkpoint(
                    jobID: id, generation: $0["generation"], state: $0["state"],
                    createdAt: Date(storeSeconds: $0["createdAt"]))
            }
        }
    }
}
