import ECADCore
import Foundation
internal import GRDB

/// The Slurm arrays searches submitted: recorded right after `sbatch` answers and before the daemon waits on
/// them, so that a restarted daemon adopts them instead of submitting the same work again.
public struct SlurmArrayStore: Sendable {
    let database: StoreDatabase

    /// Records a submitted array (state `running`); returns it with its row id.
    /// - Throws: ``StoreError/jobNotFound(_:)``; a database error when the batch already has this attempt.
    @discardableResult
    public func record(
        job: JobID, batchKey: String, attempt: Int, arrayID: String, folder: String, chunks: [String]
    ) async throws -> SlurmArray {
        let now = database.now
        let chunkList = chunks.joined(separator: " ")
        let id = try await database.write { db in
            _ = try Job.require(db, id: job)
            try db.execute(
                sql: """
                    INSERT INTO slurmArray (jobId, batchKey, attempt, arrayId, folder, chunks, state, submittedAt)
                    VALUES (?, ?, ?, ?, ?, ?, 'running', ?)
                    """,
                arguments: [job.rawValue, batchKey, attempt, arrayID, folder, chunkList, now.storeSeconds])
            return db.lastInsertedRowID
        }
        return SlurmArray(
            id: id, jobID: job, batchKey: batchKey, attempt: attempt, arrayID: arrayID, folder: folder, chunks: chunks,
            state: .running, submittedAt: now)
    }

    /// Every array of a job, oldest first.
    public func arrays(job: JobID) async throws -> [SlurmArray] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM slurmArray WHERE jobId = ? ORDER BY id", arguments: [job.rawValue]
            ).map { try Self.array($0) }
        }
    }

    /// Marks an array `finished` or `cancelled`, with the time.
    public func mark(_ id: Int64, state: SlurmArray.State) async throws {
        let now = database.now
        try await database.write { db in
            try db.execute(
                sql: "UPDATE slurmArray SET state = ?, finishedAt = ? WHERE id = ?",
                arguments: [state.rawValue, now.storeSeconds, id])
        }
    }

    private static func array(_ row: Row) throws -> SlurmArray {
        let chunkText: String = row["chunks"]
        let chunks = chunkText.split(separator: " ").map(String.init)
        let finished: Double? = row["finishedAt"]
        return SlurmArray(
            id: row["id"], jobID: try JobID(stored: row["jobId"]), batchKey: row["batchKey"], attempt: row["attempt"],
            arrayID: row["arrayId"], folder: row["folder"], chunks: chunks,
            state: SlurmArray.State(rawValue: row["state"]) ?? .finished, submittedAt: Date(storeSeconds: row["submittedAt"]),
            finishedAt: finished.map { Date(storeSeconds: $0) })
    }
}
