import ECADCore
import Foundation

/// State changes requested by users, admins and the supervisor. Permission checks are the caller's; the actor
/// uid is recorded in the event.
extension JobQueue {
    /// RUNNING → COMPLETED.
    /// - Throws: ``StoreError/invalidTransition(job:from:transition:)`` unless the job is RUNNING;
    ///   ``StoreError/jobNotFound(_:)``.
    public func complete(_ id: JobID) async throws -> Job {
        try await perform(.complete, on: id, actor: nil)
    }

    /// PENDING, HELD or RUNNING → FAILED(reason).
    public func fail(_ id: JobID, reason: JobReason) async throws -> Job {
        try await perform(.fail(reason), on: id, actor: nil)
    }

    /// RUNNING → TIMEOUT (the job's wall-clock limit passed).
    public func timeOut(_ id: JobID) async throws -> Job {
        try await perform(.timeout, on: id, actor: nil)
    }

    /// PENDING, HELD or RUNNING → CANCELLED(by `actor`). The daemon stops the worker of a RUNNING job.
    public func cancel(_ id: JobID, by actor: UInt32) async throws -> Job {
        try await perform(.cancel(by: actor), on: id, actor: actor)
    }

    /// PENDING or RUNNING → HELD(reason). From RUNNING the run is abandoned (restarts+1): the daemon stops the
    /// worker, and the job resumes from its checkpoint after release.
    /// - Parameter reason: ``JobReason/jobHeldUser`` for an owner, ``JobReason/jobHeldAdmin`` for an admin.
    public func hold(_ id: JobID, by actor: UInt32, reason: JobReason = .jobHeldUser) async throws -> Job {
        try await perform(.hold(reason), on: id, actor: actor)
    }

    /// HELD → PENDING(Priority); the crash streak starts again from zero.
    public func release(_ id: JobID, by actor: UInt32) async throws -> Job {
        try await perform(.release, on: id, actor: actor)
    }

    /// RUNNING → PENDING(reason), restarts+1: `ecad requeue` (actor set) or a graceful daemon shutdown
    /// (actor nil, reason ``JobReason/daemonShutdown``).
    public func requeue(_ id: JobID, by actor: UInt32?, reason: JobReason = .requeued) async throws -> Job {
        try await perform(.requeue(reason), on: id, actor: actor)
    }

    /// A RUNNING job's worker crashed, hung or was killed: restarts+1 and consecutive crashes+1; back to
    /// PENDING(reason), or HELD(CrashLimit) when the streak reaches ``crashLimit``.
    public func requeueAfterCrash(_ id: JobID, reason: JobReason = .workerCrashed) async throws -> Job {
        let limit = crashLimit
        let now = database.now
        let policy = database.configuration.policy
        return try await database.write { db in
            let current = try Job.require(db, id: id)
            let transition: JobTransition =
                current.consecutiveCrashes + 1 >= limit ? .hold(.crashLimit) : .requeue(reason)
            guard current.state == .running else {
                throw StoreError.invalidTransition(job: id, from: current.state, transition: transition.description)
            }
            return try TransitionWriter(db: db, now: now, policy: policy)
                .apply(transition, to: id, actor: nil, countCrash: true)
        }
    }

    /// At daemon startup: every RUNNING job belonged to a dead daemon, so it returns to PENDING(DaemonRestart)
    /// with restarts+1 (the crash streak is not counted: the job did nothing wrong). Returns the requeued jobs.
    public func recoverOnStartup() async throws -> [Job] {
        let now = database.now
        let policy = database.configuration.policy
        return try await database.write { db in
            let writer = TransitionWriter(db: db, now: now, policy: policy)
            return try writer.runningIDs().map { id in
                try writer.apply(.requeue(.daemonRestart), to: id, actor: nil, chargeUntilLastHeartbeat: true)
            }
        }
    }

    private func perform(_ transition: JobTransition, on id: JobID, actor: UInt32?) async throws -> Job {
        let now = database.now
        let policy = database.configuration.policy
        return try await database.write { db in
            try TransitionWriter(db: db, now: now, policy: policy).apply(transition, to: id, actor: actor)
        }
    }
}
