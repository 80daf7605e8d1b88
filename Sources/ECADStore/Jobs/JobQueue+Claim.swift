import ECADCore
import Foundation
internal import GRDB

/// Claims and running-job updates.
extension JobQueue {
    /// Starts as many PENDING jobs as there are free slots, in ``PriorityPolicy`` order, in one write
    /// transaction: PENDING → RUNNING, with an event each. Returns the claimed jobs, best first.
    /// - Parameters:
    ///   - slots: the daemon's total worker slots; free slots are `slots` minus the jobs that are RUNNING or
    ///     `stillRunning`.
    ///   - stillRunning: jobs whose run has not ended here yet, whatever the store says (one requeued, held or
    ///     cancelled through the API is still winding down its worker): they hold a slot and are not claimed
    ///     again until that run is over, so no job ever runs on two workers at once.
    public func claimNext(slots: Int, stillRunning: Set<JobID> = []) async throws -> [Job] {
        let now = database.now
        let policy = database.configuration.policy
        return try await database.write { db in
            var running: [UInt32: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT ownerUid, COUNT(*) AS n FROM job WHERE state = 'RUNNING' GROUP BY ownerUid")
            {
                running[UInt32(row["ownerUid"] as Int64)] = row["n"]
            }
            let runningIDs = Set(try Int64.fetchAll(db, sql: "SELECT id FROM job WHERE state = 'RUNNING'"))
            let busy = runningIDs.union(stillRunning.map(\.rawValue)).count
            let free = slots - busy
            guard free > 0 else { return [] }
            let candidates = try Row.fetchAll(
                db, sql: "SELECT id, ownerUid, kind, priority, submittedAt FROM job WHERE state = 'PENDING'"
            ).compactMap { row throws -> ClaimPlanner.Candidate? in
                guard let kind = JobKind(rawValue: row["kind"]), !stillRunning.contains(try JobID(stored: row["id"]))
                else { return nil }
                return try ClaimPlanner.Candidate(
                    id: JobID(stored: row["id"]), ownerUID: UInt32(row["ownerUid"] as Int64), kind: kind,
                    priority: row["priority"], submittedAt: Date(storeSeconds: row["submittedAt"]))
            }
            let usage = try UsageLedger(db: db, policy: policy).snapshot(now: now)
            let picked = ClaimPlanner(policy: policy).pick(
                from: candidates, count: free, usage: usage, running: running, now: now)
            let writer = TransitionWriter(db: db, now: now, policy: policy)
            return try picked.map { try writer.apply(.claim, to: $0.id, actor: nil) }
        }
    }

    /// How many PENDING jobs a claim could start now: those not in `stillRunning` (a job still winding down a run
    /// here is not claimed again until that run is over). The scheduler takes lent slots back while this is
    /// above the free slots.
    public func claimable(stillRunning: Set<JobID> = []) async throws -> Int {
        let excluded = Set(stillRunning.map(\.rawValue))
        return try await database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM job WHERE state = 'PENDING'").filter { !excluded.contains($0) }.count
        }
    }

    /// Records a RUNNING job's heartbeat (and, if given, its progress snapshot), and charges its running time
    /// to its owner's usage.
    /// - Throws: ``StoreError/invalidTransition(job:from:transition:)`` when the job is not RUNNING (the
    ///   supervisor should stop that worker); ``StoreError/jobNotFound(_:)``.
    public func heartbeat(_ id: JobID, progressJSON: String? = nil) async throws {
        if let progressJSON {
            try InputLimits.checkSize(progressJSON, limit: InputLimits.maxProgressBytes, field: "progress")
        }
        let now = database.now
        let policy = database.configuration.policy
        try await database.write(.relaxed) { db in
            try UsageLedger(db: db, policy: policy).charge(job: id, until: now)
            try db.execute(
                sql: "UPDATE job SET heartbeatAt = ?, progress = COALESCE(?, progress) WHERE id = ? AND state = 'RUNNING'",
                arguments: [now.storeSeconds, progressJSON, id.rawValue])
            guard db.changesCount == 1 else {
                let job = try Job.require(db, id: id)
                throw StoreError.invalidTransition(job: id, from: job.state, transition: "heartbeat")
            }
        }
    }

    /// Replaces the progress snapshot of a job that is not terminal (JSON text, at most 64 KiB).
    /// - Throws: ``StoreError/inputTooLarge(field:bytes:limit:)``, ``StoreError/jobNotFound(_:)``,
    ///   ``StoreError/invalidTransition(job:from:transition:)`` for a terminal job.
    public func updateProgress(_ id: JobID, json: String) async throws {
        try InputLimits.checkSize(json, limit: InputLimits.maxProgressBytes, field: "progress")
        try await database.write(.relaxed) { db in
            try db.execute(
                sql: "UPDATE job SET progress = ? WHERE id = ? AND state IN ('PENDING', 'HELD', 'RUNNING')",
                arguments: [json, id.rawValue])
            guard db.changesCount == 1 else {
                let job = try Job.require(db, id: id)
                throw StoreError.invalidTransition(job: id, from: job.state, transition: "progress")
            }
        }
    }
}
