import ECADStore
import Logging
import ServiceLifecycle

/// The scheduler loop: claims PENDING jobs into free worker slots and runs each under a
/// ``WorkerSupervisor``; reports to systemd (STATUS and WATCHDOG every turn).
///
/// On graceful shutdown it stops claiming, asks every worker to stop, waits for the supervisors to requeue
/// their jobs (PENDING, DaemonShutdown), and returns.
package struct Scheduler: Service {
    /// Flags.
    package var configuration: DaemonConfiguration
    /// The daemon's store.
    package var store: Store
    /// RUNNING jobs of this daemon.
    package var running: RunningJobs
    /// Early wakeups from the API.
    package var wakeup: SchedulerWakeup
    /// Runs jobs on workers.
    package var supervisor: WorkerSupervisor
    /// systemd notifications.
    package var notifier: SystemdNotifier
    /// Logger.
    package var logger: Logger

    package func run() async throws {
        let signals = wakeup.signals
        let wakeup = self.wakeup
        await withDiscardingTaskGroup { group in
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: configuration.tick)
                    wakeup.wake()
                }
            }
            await withGracefulShutdownHandler {
                var lastStatus = ContinuousClock.now - .seconds(60)
                var reconcileError: String?, claimError: String?
                for await _ in signals {
                    if Task.isShuttingDownGracefully { break }
                    await reconcile(lastError: &reconcileError)
                    await turn(group: &group, lastError: &claimError)
                    if ContinuousClock.now - lastStatus >= .seconds(1) {
                        lastStatus = .now
                        await report()
                    }
                }
            } onGracefulShutdown: {
                wakeup.finish()
            }
            ticker.cancel()
            notifier.stopping(status: "stopping: \(running.count) jobs to requeue")
            logger.info("shutting down", metadata: ["jobs.running": "\(running.count)"])
            running.stopAll(reason: .shutdown)
        }
        logger.info("scheduler stopped")
    }

    /// One loop turn: claim into free slots (skipped while every slot is busy) and start supervisors. A failure
    /// (a full disk) is logged when it differs from the previous one (`lastError`), not every turn.
    private func turn(group: inout DiscardingTaskGroup, lastError: inout String?) async {
        guard running.count < configuration.slots else { return }
        do {
            let claimed = try await store.jobs.claimNext(slots: configuration.slots)
            for job in claimed {
                let handle = RunningJob(id: job.id)
                running.insert(handle)
                logger.info("job started", metadata: ["job.id": "\(job.id)", "job.kind": "\(job.kind.rawValue)"])
                group.addTask { [supervisor, running, wakeup] in
                    await supervisor.run(job, handle: handle)
                    running.remove(handle)
                    wakeup.wake()
                }
            }
            lastError = nil
        } catch {
            logChanged(error, "scheduler turn failed", last: &lastError)
        }
    }

    /// Requeues every job the store shows RUNNING but no supervisor here runs: its run ended and the write of its
    /// final state failed (a full disk), which would otherwise hold its slot until the daemon restarts (slots
    /// are counted from the store). Retried every turn until the store takes the write; a failure is logged
    /// when it differs from the previous one (`lastError`), not every turn.
    private func reconcile(lastError: inout String?) async {
        do {
            for job in try await store.jobs.requeueOrphans(live: running.ids) {
                logger.warning(
                    "requeued a RUNNING job that no worker runs",
                    metadata: ["job.id": "\(job.id)", "job.state": "\(job.state.rawValue)", "job.restarts": "\(job.restarts)"])
                try? await store.logs.append(
                    job: job.id, stream: .daemon,
                    lines: ["no worker runs this job: the end of its run was not recorded (see the daemon log); now \(job.state.rawValue) (\(job.reason?.rawValue ?? ""))"])
            }
            lastError = nil
        } catch {
            logChanged(error, "could not reconcile RUNNING jobs", last: &lastError)
        }
    }

    /// Logs `message` with `error` unless the same error was the last one logged for it.
    private func logChanged(_ error: any Error, _ message: Logger.Message, last: inout String?) {
        let text = "\(error)"
        if text != last { logger.error(message, metadata: ["error": "\(text)"]) }
        last = text
    }

    /// STATUS and WATCHDOG for systemd, at most once a second.
    private func report() async {
        do {
            let counts = try await store.jobs.counts()
            let status = SchedulerStatus(
                running: counts[.running] ?? 0, pending: counts[.pending] ?? 0, generations: running.generations)
            notifier.status(status.line)
        } catch {
            logger.error("status not computed", metadata: ["error": "\(error)"])
        }
        notifier.watchdog()
    }
}
