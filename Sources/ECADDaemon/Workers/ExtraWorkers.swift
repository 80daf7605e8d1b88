import ECADCore
import ECADStore
import Foundation
import Logging
import Synchronization

/// The extra workers of one running job: one per slot the scheduler lends it, each spawned, handshaken and
/// loaded like the job's own worker, then serving chunks as a lane of the job's ``LocalWorkerPool``.
///
/// A lent slot is taken back by ``reclaim(_:)``: the lane is dismissed and its worker killed at once, so its
/// chunk (if any) goes back to the pool for another lane. A crashed or hung extra worker ends the same way; the
/// job goes on. The slot is handed back (`release`) once the worker has exited.
package final class ExtraWorkers: Sendable {
    /// Readies a handshaken extra worker for the job (loads the model on the slot's device) and returns the
    /// lane that scores chunks on it.
    package typealias Prepare = @Sendable (WorkerSession, WorkerSlot) async throws -> any SearchEvaluator

    private struct State {
        var processes: [Int: WorkerProcess] = [:]
        var tasks: [Int: Task<Void, Never>] = [:]
        var reclaimed: Set<Int> = []
        var serving = 0
        var closed = false
    }

    private let configuration: DaemonConfiguration
    private let store: Store
    private let job: JobID
    private let logger: Logger
    private let pool: LocalWorkerPool
    private let cap: Int
    private let prepare: Prepare
    private let state = Mutex(State())

    /// Extra workers for `job`'s `pool`, at most `cap - 1` of them (`cap` counts the job's own worker).
    package init(
        configuration: DaemonConfiguration, store: Store, job: JobID, logger: Logger, pool: LocalWorkerPool, cap: Int,
        prepare: @escaping Prepare
    ) {
        self.configuration = configuration
        self.store = store
        self.job = job
        self.logger = logger
        self.pool = pool
        self.cap = cap
        self.prepare = prepare
    }

    /// Whether the job would take another slot.
    package var wantsMore: Bool { state.withLock { !$0.closed && 1 + $0.tasks.count < cap } }

    /// Extra workers that are loaded and serving now.
    package var serving: Int { state.withLock { $0.serving } }

    /// Starts an extra worker in `slot`; `release` is called once the slot is free again (at once when the job's
    /// run is already over).
    package func lend(_ slot: WorkerSlot, release: @escaping @Sendable () -> Void) {
        let started = state.withLock { current -> Bool in
            guard !current.closed, current.tasks[slot.index] == nil else { return false }
            current.tasks[slot.index] = Task { [self] in
                await run(slot)
                state.withLock { state in
                    state.tasks[slot.index] = nil
                    state.reclaimed.remove(slot.index)
                }
                release()
            }
            return true
        }
        if !started { release() }
    }

    /// Takes slot `index` back: dismisses its lane and kills its worker (a chunk in flight is requeued).
    package func reclaim(_ index: Int) {
        pool.dismiss(index)
        let process = state.withLock { state -> WorkerProcess? in
            state.reclaimed.insert(index)
            return state.processes[index]
        }
        process?.kill()
        logger.info("lent slot taken back", metadata: ["slot": "\(index)"])
    }

    /// Ends every extra worker (the job's run is over) and waits until they have exited.
    package func close() async {
        let tasks = state.withLock { state -> [Int: Task<Void, Never>] in
            state.closed = true
            return state.tasks
        }
        for index in tasks.keys { reclaim(index) }
        for task in tasks.values { await task.value }
    }

    private func run(_ slot: WorkerSlot) async {
        var logger = self.logger
        logger[metadataKey: "slot"] = "\(slot.index)"
        let (lines, sink) = AsyncStream.makeStream(of: String.self)
        let process: WorkerProcess
        do {
            process = try WorkerProcess.spawn(
                executable: configuration.workerExecutable, arguments: configuration.workerArguments,
                environment: configuration.workerEnvironment(job: job, slot: slot),
                onLogLine: { line in
                    if let line { sink.yield(line) } else { sink.finish() }
                })
        } catch {
            sink.finish()
            logger.warning("extra worker not started", metadata: ["error": "\(error)"])
            return
        }
        let killed = state.withLock { state -> Bool in
            state.processes[slot.index] = process
            return state.closed || state.reclaimed.contains(slot.index)
        }
        if killed { process.kill() }
        logger.info("extra worker started", metadata: ["worker.pid": "\(process.pid)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [store, job] in
                for await line in lines { try? await store.logs.append(job: job, stream: .worker, lines: ["[slot \(slot.index)] \(line)"]) }
            }
            group.addTask { [configuration] in
                while !Task.isCancelled {
                    if process.silence > configuration.heartbeatTimeout { process.kill() }
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let session = WorkerSession(process: process)
            await serve(session, slot: slot, logger: logger)
            group.addTask { [configuration] in
                try? await Task.sleep(for: configuration.stopGrace)
                process.kill()
            }
            let status = await session.drainUntilExit()
            state.withLock { _ = $0.processes.removeValue(forKey: slot.index) }
            logger.info("extra worker exited", metadata: ["worker.status": "\(status.map(String.init(describing:)) ?? "?")"])
            group.cancelAll()
        }
    }

    /// Handshakes, prepares and serves the pool until the lane leaves, then asks the worker to exit.
    private func serve(_ session: WorkerSession, slot: WorkerSlot, logger: Logger) async {
        let process = session.process
        do {
            _ = try await session.handshake(
                heartbeatInterval: configuration.heartbeatInterval, daemonVersion: configuration.version)
            let lane = try await prepare(session, slot)
            state.withLock { $0.serving += 1 }
            await pool.serve(lane, id: slot.index)
            state.withLock { $0.serving -= 1 }
        } catch {
            logger.warning("extra worker failed", metadata: ["error": "\(error)"])
        }
        try? process.send(.init(id: "bye", request: .shutdown(.init(reason: "slot given back"))))
        process.closeInput()
    }
}
