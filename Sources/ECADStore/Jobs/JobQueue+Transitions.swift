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
            try TransitionWriter(db: db, now: now, policy: policy).requeueCrashed(id, reason: reason, crashLimit: limit)
        }
    }

    /// Reconciles the store with the workers that really run: every RUNNING job whose id is not in `live` has
    /// no worker (its run ended but its final state could not be written, for example on a full disk), so it
    /// is requeued like a crash: PENDING(``JobReason/workerLost``) with restarts+1, or HELD(CrashLimit) when the
    /// crash streak reaches ``crashLimit``. It resumes from its checkpoint. Returns the requeued jobs; one
    /// transaction, and no write at all when nothing is orphaned.
    public func requeueOrphans(live: Set<JobID>) async throws -> [Job] {
        let orphans = try await database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM job WHERE state = 'RUNNING' ORDER BY id")
        }.map { try JobID(stored: $0) }.filter { !live.contains($0) }
        guard !orphans.isEmpty else { return [] }
        let limit = crashLimit
        let now = database.now
        let policy = database.configuration.policy
        return try await database.write { db in
            let writer = TransitionWriter(db: db, now: now, policy: policy)
            let running = Set(try writer.runningIDs())
            return try orphans.filter(running.contains).map { id in
                try writer.requeueCrashed(id, reason: .workerLost, crashLimit: limit)
            }
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
