import ECADStore
import Logging
import ServiceLifecycle

/// The scheduler loop: claims PENDING jobs into free worker slots and runs each under a
/// ``WorkerSupervisor``, lends idle slots to running searches and takes them back when a job waits; reports to
/// systemd (STATUS and WATCHDOG every turn).
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
    /// Who holds each worker slot.
    package var slots: SlotTable
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

    /// One loop turn. While jobs wait, lent slots are taken back (as many as the waiting jobs lack) and jobs are
    /// claimed into free slots; while none waits, free slots are lent to running jobs that take extra workers.
    /// A failure (a full disk) is logged when it differs from the previous one (`lastError`), not every turn.
    private func turn(group: inout DiscardingTaskGroup, lastError: inout String?) async {
        do {
            let waiting = try await store.jobs.claimable(stillRunning: running.ids)
            guard waiting > 0 else {
                lendFreeSlots()
                lastError = nil
                return
            }
            takeBack(waiting - slots.free)
            guard slots.free > 0 else { return }
            let claimed = try await store.jobs.claimNext(slots: configuration.slots - slots.lent, stillRunning: running.ids)
            for job in claimed {
                let handle = RunningJob(id: job.id)
                running.insert(handle)
                let slot = slots.take(for: job.id, lent: false)
                if slot == nil { logger.error("no free slot for a claimed job", metadata: ["job.id": "\(job.id)"]) }
                logger.info("job started", metadata: ["job.id": "\(job.id)", "job.kind": "\(job.kind.rawValue)"])
                group.addTask { [supervisor, running, wakeup, slots] in
                    await supervisor.run(job, handle: handle, slot: slot ?? WorkerSlot(index: -1, device: nil))
                    if let slot { slots.release(slot.index) }
                    running.remove(handle)
                    wakeup.wake()
                }
            }
            lastError = nil
        } catch {
            logChanged(error, "scheduler turn failed", last: &lastError)
        }
    }

    /// Takes up to `count` lent slots back, from the jobs holding the most slots first.
    private func takeBack(_ count: Int) {
        guard count > 0 else { return }
        let lent = slots.reclaimable.sorted { slots.held(by: $0.job) > slots.held(by: $1.job) }
        for (slot, job) in lent.prefix(count) where slots.markReclaiming(slot) {
            logger.info("taking a lent slot back for a waiting job", metadata: ["job.id": "\(job)", "slot": "\(slot)"])
            running.handles.first { $0.id == job }?.extras?.reclaim(slot)
        }
    }

    /// Lends every free slot to a running job that takes extra workers, the one holding the fewest slots first.
    private func lendFreeSlots() {
        while slots.free > 0 {
            let takers = running.handles.filter { $0.stopReason == nil && $0.extras?.wantsMore == true }
            guard let job = takers.min(by: { slots.held(by: $0.id) < slots.held(by: $1.id) }), let extras = job.extras,
                let slot = slots.take(for: job.id, lent: true)
            else { return }
            logger.info("lent a slot", metadata: ["job.id": "\(job.id)", "slot": "\(slot.index)"])
            extras.lend(slot) { [slots, wakeup] in
                slots.release(slot.index)
                wakeup.wake()
            }
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
