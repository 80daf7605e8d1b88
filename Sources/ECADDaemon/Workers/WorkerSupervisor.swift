import ECADCore
import ECADStore
import Foundation
import Logging

/// Runs one claimed job on a fresh worker process and settles its state afterwards.
///
/// It spawns the worker, shakes hands, hands the session to the job kind's ``JobRunner``, and meanwhile runs a
/// watchdog (heartbeat deadline, stop grace period, store heartbeats with progress) and a log pump (worker
/// stderr → the job's log). A worker that dies or hangs sends the job back to PENDING with restarts+1, or to
/// HELD(CrashLimit) after three crashes in a row (``JobQueue/requeueAfterCrash(_:reason:)``).
package struct WorkerSupervisor: Sendable {
    /// Flags: worker path, deadlines.
    package var configuration: DaemonConfiguration
    /// The daemon's store.
    package var store: Store
    /// Runners by job kind.
    package var runners: [JobKind: any JobRunner]
    /// The daemon logger.
    package var logger: Logger

    /// How a run ended, before the job's state is settled.
    enum Outcome {
        case succeeded
        case failed(JobReason, String)
        case crashed(String)
    }

    /// Runs `job` to the end in `slot`; never throws (every failure becomes a state change).
    package func run(_ job: Job, handle: RunningJob, slot: WorkerSlot) async {
        var logger = self.logger
        logger[metadataKey: "job.id"] = "\(job.id)"
        guard let runner = runners[job.kind] else {
            await settle(job, handle: handle, outcome: .failed(.invalidSpec, "no runner for \(job.kind.rawValue) jobs yet"), logger: logger)
            return
        }
        let (logLines, logSink) = AsyncStream.makeStream(of: String.self)
        let process: WorkerProcess
        do {
            process = try WorkerProcess.spawn(
                executable: configuration.workerExecutable, arguments: configuration.workerArguments,
                environment: configuration.workerEnvironment(job: job.id, slot: slot),
                onLogLine: { line in
                    if let line { logSink.yield(line) } else { logSink.finish() }
                })
        } catch {
            logSink.finish()
            await settle(job, handle: handle, outcome: .crashed("\(error)"), logger: logger)
            return
        }
        handle.attach(process)
        logger.info("worker started", metadata: ["worker.pid": "\(process.pid)"])
        let outcome = await withTaskGroup(of: Void.self) { group -> Outcome in
            group.addTask { await pumpLogs(logLines, job: job.id) }
            group.addTask { await watch(process, job: job.id, handle: handle) }
            let session = WorkerSession(process: process)
            let outcome = await drive(job, runner: runner, session: session, handle: handle, slot: slot, logger: logger)
            handle.finishing()
            let status = await session.drainUntilExit()
            handle.workerExited()
            process.kill()
            logger.info("worker exited", metadata: ["worker.status": "\(status.map(String.init(describing:)) ?? "?")"])
            await group.waitForAll()
            return outcome
        }
        await settle(job, handle: handle, outcome: outcome, logger: logger)
    }

    /// Runs the job on the worker, then asks the worker to exit whatever the outcome: a runner that throws (a
    /// spec the worker refuses, a missing registry entry) would otherwise leave a live worker waiting for requests
    /// until the supervisor's exit grace period ran out, holding the job's slot for about 10 s.
    private func drive(
        _ job: Job, runner: any JobRunner, session: WorkerSession, handle: RunningJob, slot: WorkerSlot, logger: Logger
    ) async -> Outcome {
        let outcome = await outcome(of: job, runner: runner, session: session, handle: handle, slot: slot, logger: logger)
        let reason = if case .succeeded = outcome { "job finished" } else { "job ended without success" }
        try? session.process.send(.init(id: "bye", request: .shutdown(.init(reason: reason))))
        session.process.closeInput()
        return outcome
    }

    private func outcome(
        of job: Job, runner: any JobRunner, session: WorkerSession, handle: RunningJob, slot: WorkerSlot, logger: Logger
    ) async -> Outcome {
        do {
            _ = try await session.handshake(
                heartbeatInterval: configuration.heartbeatInterval, daemonVersion: configuration.version)
            let context = JobRunContext(
                store: store, artifactDirectory: configuration.artifactDirectory(job: job.id.rawValue), logger: logger,
                running: handle, slot: slot, configuration: configuration)
            try await runner.run(job, session: session, context: context)
            return .succeeded
        } catch DaemonError.workerFailed(let code, let message) {
            return .failed(.workerError, "worker error \(code): \(message)")
        } catch DaemonError.invalidSpec(let field, let message) {
            return .failed(.invalidSpec, "spec field \(field): \(message)")
        } catch StoreError.forbidden(let message) {
            return .failed(.registryForbidden, message)
        } catch {
            return .crashed("\(error)")
        }
    }

    /// Writes the final state for the run.
    private func settle(_ job: Job, handle: RunningJob, outcome: Outcome, logger: Logger) async {
        do {
            switch (handle.stopReason, outcome) {
            case (.external?, _):
                logger.info("worker stopped after a state change through the API")
            case (.shutdown?, _):
                _ = try await store.jobs.requeue(job.id, by: nil, reason: .daemonShutdown)
                try await note(job.id, "requeued: daemon shutting down")
            case (.hung?, _):
                let after = try await store.jobs.requeueAfterCrash(job.id, reason: .workerHung)
                try await note(job.id, "worker killed: no heartbeat within \(configuration.heartbeatTimeout); now \(after.state.rawValue)")
                logger.warning("worker hung", metadata: ["job.state": "\(after.state.rawValue)"])
            case (nil, .succeeded):
                if let progress = handle.takeProgress() { try await store.jobs.updateProgress(job.id, json: progress) }
                _ = try await store.jobs.complete(job.id)
            case (nil, .failed(let reason, let message)):
                try await note(job.id, message)
                _ = try await store.jobs.fail(job.id, reason: reason)
            case (nil, .crashed(let message)):
                let after = try await store.jobs.requeueAfterCrash(job.id, reason: .workerCrashed)
                try await note(job.id, "\(message); now \(after.state.rawValue) (\(after.reason?.rawValue ?? ""))")
                logger.warning("worker crashed", metadata: ["error": "\(message)", "job.state": "\(after.state.rawValue)"])
            }
        } catch {
            logger.error(
                "could not record the end of the run; the scheduler requeues the job once the store takes writes",
                metadata: ["error": "\(error)"])
        }
    }

    private func note(_ id: JobID, _ text: String) async throws {
        try await store.logs.append(job: id, stream: .daemon, lines: [text])
    }

    /// Kills a silent or stopping worker and heartbeats the job (with progress) into the store.
    private func watch(_ process: WorkerProcess, job: JobID, handle: RunningJob) async {
        let period = Duration.milliseconds(100)
        var sinceHeartbeat = Duration.zero
        while !Task.isCancelled, !handle.isOver {
            if process.silence > configuration.heartbeatTimeout, handle.stopReason == nil {
                handle.stop(.hung)
                process.kill()
            }
            if let asked = handle.stopRequestedAt, ContinuousClock.now - asked > configuration.stopGrace {
                process.kill()
            }
            sinceHeartbeat += period
            if sinceHeartbeat >= .milliseconds(500) {
                sinceHeartbeat = .zero
                do {
                    try await store.jobs.heartbeat(job, progressJSON: handle.takeProgress())
                } catch StoreError.invalidTransition {
                    handle.stop(.external)
                } catch {
                    logger.debug("heartbeat not recorded", metadata: ["error": "\(error)"])
                }
            }
            try? await Task.sleep(for: period)
        }
    }

    /// Appends worker stderr lines to the job's log as they come.
    private func pumpLogs(_ lines: AsyncStream<String>, job: JobID) async {
        for await line in lines {
            try? await store.logs.append(job: job, stream: .worker, lines: [line])
        }
    }
}
