import ECADCore
import Foundation
internal import GRDB

extension JobEvent {
    /// Decodes a `jobEvent` row.
    init(row: Row) throws {
        let toText: String = row["toState"]
        guard let to = JobState(rawValue: toText) else {
            throw StoreError.database("jobEvent row has unknown state \(toText)")
        }
        let fromText: String? = row["fromState"]
        let reason: String? = row["reason"]
        let actor: Int64? = row["actorUid"]
        try self.init(
            id: row["id"], jobID: JobID(stored: row["jobId"]), time: Date(storeSeconds: row["time"]),
            from: fromText.flatMap(JobState.init(rawValue:)), to: to, reason: reason.map(JobReason.init(rawValue:)),
            actorUID: actor.map { UInt32($0) })
    }

    /// Appends an event row in the current transaction.
    static func record(
        _ db: Database, job: JobID, time: Date, from: JobState?, to: JobState, reason: JobReason?, actor: UInt32?
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO jobEvent (jobId, time, fromState, toState, reason, actorUid)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [job.rawValue, time.storeSeconds, from?.rawValue, to.rawValue, reason?.rawValue,
                        actor.map { Int64($0) }])
    }
}
