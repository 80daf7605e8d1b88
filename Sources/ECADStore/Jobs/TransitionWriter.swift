import ECADCore
import Foundation
internal import GRDB

/// Writes one state transition inside an open write transaction: the guarded UPDATE, the usage charge for
/// fair share, and the event row.
struct TransitionWriter {
    let db: Database
    let now: Date
    let policy: PriorityPolicy

    /// Applies `transition` to job `id` and returns the job as it is now.
    /// - Parameters:
    ///   - countCrash: add one to the crash streak (a crashed worker); otherwise a completed or released job's
    ///     streak is reset and others keep it.
    ///   - chargeUntilLastHeartbeat: charge usage only up to the last heartbeat (the daemon was dead after it).
    func apply(
        _ transition: JobTransition, to id: JobID, actor: UInt32?, countCrash: Bool = false,
        chargeUntilLastHeartbeat: Bool = false
    ) throws -> Job {
        let current = try Job.require(db, id: id)
        let outcome = try JobStateMachine.apply(transition, to: current.state, job: id)
        if current.state == .running {
            let until = chargeUntilLastHeartbeat ? min(current.heartbeatAt ?? now, now) : now
            try UsageLedger(db: db, policy: policy).charge(job: id, until: until)
        }
        var sql: SQL = "UPDATE job SET state = \(outcome.state.rawValue), reason = \(outcome.reason?.rawValue)"
        if outcome.countsRestart { sql += ", restarts = restarts + 1" }
        switch outcome.state {
        case .running:
            sql += ", startedAt = \(now.storeSeconds), heartbeatAt = \(now.storeSeconds), chargedAt = \(now.storeSeconds)"
        case .pending, .held:
            sql += ", heartbeatAt = NULL, chargedAt = NULL"
        case .completed, .failed, .cancelled, .timeout:
            sql += ", endedAt = \(now.storeSeconds), heartbeatAt = NULL, chargedAt = NULL"
        }
        if case .cancel(let by) = transition { sql += ", cancelledBy = \(Int64(by))" }
        if countCrash {
            sql += ", consecutiveCrashes = consecutiveCrashes + 1"
        } else if transition == .complete || transition == .release {
            sql += ", consecutiveCrashes = 0"
        }
        let sources = JobStateMachine.sources(of: transition).map(\.rawValue)
        sql += " WHERE id = \(id.rawValue) AND state IN \(sources)"
        try db.execute(literal: sql)
        guard db.changesCount == 1 else {
            throw StoreError.invalidTransition(job: id, from: current.state, transition: transition.description)
        }
        try JobEvent.record(
            db, job: id, time: now, from: current.state, to: outcome.state, reason: outcome.reason, actor: actor)
        return try Job.require(db, id: id)
    }

    /// A RUNNING job's worker is gone (crashed, hung, lost): restarts+1 and crash streak+1, back to
    /// PENDING(`reason`), or HELD(CrashLimit) when the streak reaches `crashLimit`.
    func requeueCrashed(_ id: JobID, reason: JobReason, crashLimit: Int) throws -> Job {
        let current = try Job.require(db, id: id)
        let transition: JobTransition =
            current.consecutiveCrashes + 1 >= crashLimit ? .hold(.crashLimit) : .requeue(reason)
        guard current.state == .running else {
            throw StoreError.invalidTransition(job: id, from: current.state, transition: transition.description)
        }
        return try apply(transition, to: id, actor: nil, countCrash: true)
    }

    /// The ids of every RUNNING job, oldest first.
    func runningIDs() throws -> [JobID] {
        try Int64.fetchAll(db, sql: "SELECT id FROM job WHERE state = 'RUNNING' ORDER BY id").map { try JobID(stored: $0) }
    }
}
