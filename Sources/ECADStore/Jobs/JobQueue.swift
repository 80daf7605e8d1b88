import ECADCore
import Foundation
internal import GRDB

/// The durable job queue: submit, list, show, events, and (in extensions) claims and state transitions.
///
/// Every state change goes through ``JobStateMachine``, is guarded in SQL by the states it may leave, and
/// writes a ``JobEvent`` in the same transaction.
public struct JobQueue: Sendable {
    let database: StoreDatabase
    private let submitter: GroupCommit<NewJob, Job>

    init(database: StoreDatabase) {
        self.database = database
        self.submitter = GroupCommit { batch in await JobQueue.insert(batch, database: database) }
    }

    /// Consecutive crashes after which a crashed job is held instead of requeued.
    public var crashLimit: Int { database.configuration.crashLimit }

    /// Validates and stores a new job as PENDING(Priority), with its submit event. Submits that arrive while
    /// another is being written are committed together (one fsync for the group).
    /// - Throws: ``StoreError/inputTooLarge(field:bytes:limit:)`` for a spec over 1 MiB,
    ///   ``StoreError/invalidInput(field:message:)`` for an empty spec, a bad name or an out-of-range priority.
    public func submit(_ new: NewJob) async throws -> Job {
        try InputLimits.checkSize(new.specJSON, limit: InputLimits.maxSpecBytes, field: "spec")
        guard !new.specJSON.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput(field: "spec", message: "must not be empty")
        }
        if let name = new.name { try InputLimits.validateJobName(name) }
        guard InputLimits.priorityRange.contains(new.priority) else {
            throw StoreError.invalidInput(
                field: "priority",
                message: "\(new.priority) is outside \(InputLimits.priorityRange.lowerBound)...\(InputLimits.priorityRange.upperBound)")
        }
        try InputLimits.validateJobName(new.ownerName, field: "ownerName")
        return try await submitter.run(new)
    }

    /// Writes a batch of validated submissions in one transaction (see ``GroupCommit``).
    private static func insert(_ batch: [NewJob], database: StoreDatabase) async -> [Result<Job, StoreError>] {
        let now = database.now
        do {
            let jobs = try await database.write { db in
                try batch.map { new in
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO job (kind, name, ownerUid, ownerName, priority, state, reason, submittedAt, spec)
                            VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                            """
                    ).execute(
                        arguments: [new.kind.rawValue, new.name, Int64(new.ownerUID), new.ownerName, new.priority,
                                    JobReason.priority.rawValue, now.storeSeconds, new.specJSON])
                    let id = try JobID(stored: db.lastInsertedRowID)
                    try JobEvent.record(
                        db, job: id, time: now, from: nil, to: .pending, reason: .priority, actor: new.ownerUID)
                    return try Job.require(db, id: id)
                }
            }
            return jobs.map { .success($0) }
        } catch {
            return Array(repeating: .failure(StoreError.wrapping(error)), count: batch.count)
        }
    }

    /// The job with this id.
    /// - Throws: ``StoreError/jobNotFound(_:)``.
    public func job(_ id: JobID) async throws -> Job {
        try await database.read { db in try Job.require(db, id: id) }
    }

    /// Jobs matching `filter`, in id order.
    public func list(_ filter: JobFilter = JobFilter()) async throws -> [Job] {
        guard filter.limit > 0 else { return [] }
        return try await database.read { db in
            var sql: SQL = "SELECT * FROM job WHERE state IN \(filter.selectedStates.map(\.rawValue))"
            if let owner = filter.ownerUID { sql += " AND ownerUid = \(Int64(owner))" }
            if let kinds = filter.kinds { sql += " AND kind IN \(kinds.map(\.rawValue))" }
            sql += " ORDER BY id DESC LIMIT \(filter.limit)"
            let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: sql))
            return try rows.reversed().map(Job.init(row:))
        }
    }

    /// Events with an id greater than `eventID`, oldest first: all jobs', or one job's (`ecad watch`).
    /// - Throws: ``StoreError/jobNotFound(_:)`` when `job` is given and does not exist.
    public func events(after eventID: Int64 = 0, job: JobID? = nil, limit: Int = 1000) async throws -> [JobEvent] {
        try await database.read { db in
            let rows: [Row]
            if let job {
                _ = try Job.require(db, id: job)
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM jobEvent WHERE jobId = ? AND id > ? ORDER BY id LIMIT ?",
                    arguments: [job.rawValue, eventID, limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM jobEvent WHERE id > ? ORDER BY id LIMIT ?", arguments: [eventID, limit])
            }
            return try rows.map(JobEvent.init(row:))
        }
    }

    /// How many jobs are in each state (states with none are absent), for health and sd_notify STATUS.
    public func counts() async throws -> [JobState: Int] {
        try await database.read { db in
            var counts: [JobState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM job GROUP BY state") {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }
}
