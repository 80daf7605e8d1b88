import ECADCore
import Foundation
internal import GRDB

extension Job {
    /// Decodes a `job` row.
    init(row: Row) throws {
        let kindText: String = row["kind"]
        let stateText: String = row["state"]
        guard let kind = JobKind(rawValue: kindText) else {
            throw StoreError.database("job row has unknown kind \(kindText)")
        }
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError.database("job row has unknown state \(stateText)")
        }
        let reason: String? = row["reason"]
        let cancelledBy: Int64? = row["cancelledBy"]
        try self.init(
            id: JobID(stored: row["id"]), kind: kind, name: row["name"], ownerUID: UInt32(row["ownerUid"] as Int64),
            ownerName: row["ownerName"], priority: row["priority"], state: state, reason: reason.map(JobReason.init(rawValue:)),
            cancelledBy: cancelledBy.map { UInt32($0) }, submittedAt: Date(storeSeconds: row["submittedAt"]),
            startedAt: (row["startedAt"] as Double?).map(Date.init(storeSeconds:)),
            endedAt: (row["endedAt"] as Double?).map(Date.init(storeSeconds:)),
            heartbeatAt: (row["heartbeatAt"] as Double?).map(Date.init(storeSeconds:)),
            restarts: row["restarts"], consecutiveCrashes: row["consecutiveCrashes"], specJSON: row["spec"],
            progressJSON: row["progress"])
    }

    /// Fetches one job, or nil.
    static func fetch(_ db: Database, id: JobID) throws -> Job? {
        // A cached statement: this is the hot path of `show` and of every submit (no re-prepare per call).
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM job WHERE id = ?"), arguments: [id.rawValue])
            .map(Job.init(row:))
    }

    /// Fetches one job or throws ``StoreError/jobNotFound(_:)``.
    static func require(_ db: Database, id: JobID) throws -> Job {
        guard let job = try fetch(db, id: id) else { throw StoreError.jobNotFound(id) }
        return job
    }
}

extension Date {
    /// A date stored as REAL seconds since 1970.
    init(storeSeconds: Double) {
        self.init(timeIntervalSince1970: storeSeconds)
    }

    /// The stored form: REAL seconds since 1970.
    var storeSeconds: Double { timeIntervalSince1970 }
}
