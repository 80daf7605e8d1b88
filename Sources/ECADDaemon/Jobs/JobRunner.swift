import ECADAPI
import ECADCore
import ECADStore
import Foundation
import Logging

/// Runs one kind of job on a worker. The supervisor spawns the worker, does the handshake, watches
/// heartbeats and handles crashes; a runner only asks the worker for work and records what comes back.
///
/// Returning normally completes the job. Throwing ``DaemonError/workerFailed(code:message:)`` or
/// ``DaemonError/invalidSpec(field:message:)`` fails it; a dead worker requeues it.
package protocol JobRunner: Sendable {
    /// The job kind this runner serves.
    var kind: JobKind { get }

    /// Checks a spec at submit time (a synchronous implementation is fine; it is async so a runner can look
    /// things up in the store, such as registry references).
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the offending field.
    func validate(spec: JSONValue) async throws

    /// Runs the job to completion on `session`'s worker.
    func run(_ job: Job, session: WorkerSession, context: JobRunContext) async throws
}

/// What a runner may use besides the worker.
package struct JobRunContext: Sendable {
    /// The daemon's store (artifacts, checkpoints, logs).
    package var store: Store
    /// Where this job's files go; created by the runner when needed.
    package var artifactDirectory: URL
    /// The job's logger (carries `job.id`).
    package var logger: Logger
    /// The job's running handle, for progress.
    package var running: RunningJob
    /// The slot the job's own worker runs in (its device goes into the load request).
    package var slot: WorkerSlot
    /// The daemon's flags (extra workers are spawned like the job's own).
    package var configuration: DaemonConfiguration

    /// Offers the job's `pool` the slots the scheduler lends it, up to `cap` workers in all (nil: no cap but the
    /// slots); `prepare` loads the model on a new extra worker. The runner must ``ExtraWorkers/close()`` the
    /// result before it returns.
    package func extraWorkers(
        pool: LocalWorkerPool, cap: Int?, prepare: @escaping ExtraWorkers.Prepare
    ) -> ExtraWorkers {
        let extras = ExtraWorkers(
            configuration: configuration, store: store, job: running.id, logger: logger, pool: pool,
            cap: cap ?? Int.max, prepare: prepare)
        running.offer(extras)
        return extras
    }

    /// Publishes a progress snapshot (written to the store with the next heartbeat).
    package func report(_ progress: JobProgressView) {
        if let json = try? APIJSON.text(of: progress) { running.setProgress(json) }
    }
}
