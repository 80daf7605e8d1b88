import ECADAPI
import ECADCore
import ECADStore
import Foundation
import ECADWorkerProtocol
import Synchronization

/// The daemon's handle on one RUNNING job: its worker, why it is being stopped, and its latest progress.
///
/// Shared between the job's supervisor task, its watchdog and the API routes (which ask it to stop when a
/// user cancels, holds or requeues the job).
package final class RunningJob: Sendable {
    /// Why the daemon is stopping a job's worker.
    package enum StopReason: Sendable, Equatable {
        /// A user changed the job's state through the API; the store already has the new state.
        case external
        /// The daemon is shutting down; the job goes back to PENDING.
        case shutdown
        /// The worker stopped heartbeating and was killed.
        case hung
    }

    private struct State {
        var process: WorkerProcess?
        var stop: StopReason?
        var stopRequestedAt: ContinuousClock.Instant?
        var progressJSON: String?
        var progressDirty = false
        var generation: SchedulerStatus.Generation?
        var over = false
        var extras: ExtraWorkers?
    }

    /// The job id.
    package let id: JobID
    private let state = Mutex(State())

    /// Creates the handle for a job that was just claimed.
    package init(id: JobID) { self.id = id }

    /// Attaches the spawned worker.
    package func attach(_ process: WorkerProcess) {
        let stop = state.withLock { state -> StopReason? in
            state.process = process
            return state.stop
        }
        if stop != nil { askToStop(process) }
    }

    /// Why the job is being stopped, if it is.
    package var stopReason: StopReason? { state.withLock { $0.stop } }

    /// When a stop was asked for (the watchdog kills the worker after a grace period).
    package var stopRequestedAt: ContinuousClock.Instant? { state.withLock { $0.stopRequestedAt } }

    /// Asks the worker to shut down; the first reason wins. The watchdog kills it if it does not exit in time.
    package func stop(_ reason: StopReason) {
        let process = state.withLock { state -> WorkerProcess? in
            if state.stop == nil { state.stop = reason }
            if state.stopRequestedAt == nil { state.stopRequestedAt = .now }
            return state.process
        }
        if let process { askToStop(process) }
    }

    /// Marks that the run is over, so the watchdog reaps the worker after the grace period.
    package func finishing() {
        state.withLock { state in
            if state.stopRequestedAt == nil { state.stopRequestedAt = .now }
        }
    }

    /// Whether the worker has exited and the run is being settled (ends the watchdog).
    package var isOver: Bool { state.withLock { $0.over } }

    /// Marks that the worker has exited.
    package func workerExited() { state.withLock { $0.over = true } }

    /// Records a progress snapshot to be written with the next heartbeat; a search's snapshot also sets
    /// ``generation``.
    package func setProgress(_ json: String) {
        let progress = try? APIJSON.makeDecoder().decode(JobProgressView.self, from: Data(json.utf8))
        state.withLock { state in
            state.progressJSON = json
            state.progressDirty = true
            if let done = progress?.generation {
                state.generation = SchedulerStatus.Generation(job: id, done: done, budget: progress?.generations)
            }
        }
    }

    /// Takes the extra workers a runner offers (the scheduler lends them idle slots).
    package func offer(_ extras: ExtraWorkers) { state.withLock { $0.extras = extras } }

    /// The job's extra workers, when its runner takes lent slots.
    package var extras: ExtraWorkers? { state.withLock { $0.extras } }

    /// Worker processes serving the job now: its own plus the loaded extra ones.
    package var workers: Int { 1 + (extras?.serving ?? 0) }

    /// The search generation last reported, or nil before the first (or for other job kinds).
    package var generation: SchedulerStatus.Generation? { state.withLock { $0.generation } }

    /// The progress snapshot not yet written, if any (clears the flag).
    package func takeProgress() -> String? {
        state.withLock { state in
            defer { state.progressDirty = false }
            return state.progressDirty ? state.progressJSON : nil
        }
    }

    private func askToStop(_ process: WorkerProcess) {
        try? process.send(WorkerCommand(id: "stop", request: .shutdown(ShutdownRequest(reason: "job stopped"))))
        process.closeInput()
    }
}
