import ECADCore
import ECADWorkerProtocol
import Synchronization

/// ``EvaluationExecutor`` over a job's local workers: its own worker (the primary lane) and the extra workers
/// of the slots the scheduler lends the job (extra lanes, which join and leave between chunks).
///
/// Each lane takes the next chunk as soon as it is free, so one chunk is in flight per worker. A chunk whose
/// extra worker dies (crashed, or killed because its slot was taken back) goes back to the queue, first in
/// line, and another lane evaluates it; a failure of the primary lane fails the call, which keeps the job's
/// crash rules what they are with one worker.
package final class LocalWorkerPool: EvaluationExecutor {
    private let primary: any SearchEvaluator
    private let queue = Mutex(ChunkQueue())

    /// A pool whose only lane is `primary` until extra lanes join.
    package init(primary: any SearchEvaluator) {
        self.primary = primary
    }

    /// The workers serving the job now: the primary plus the extra lanes.
    package var workers: Int { 1 + queue.withLock { $0.extras.count } }

    package func run(
        _ chunks: [[Schedule]], prompts: [String],
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws {
        guard !chunks.isEmpty else { return }
        resume(queue.withLock { $0.begin(chunks, prompts: prompts, deliver: deliver) })
        while true {
            switch await take(.primary) {
            case .work(let work):
                do {
                    let results = try await primary.evaluate(work.schedules, prompts: work.prompts)
                    try await work.deliver(work.index, results)
                    resume(queue.withLock { $0.complete(work) })
                } catch {
                    resume(queue.withLock { $0.abort(work, error: error) })
                    _ = queue.withLock { $0.end() }
                    throw error
                }
            case .batchOver, .dismissed:
                if let failure = queue.withLock({ $0.end() }) { throw failure }
                return
            }
        }
    }

    /// Serves chunks on an extra worker until it fails or is dismissed; returns when the lane has left. A chunk
    /// it could not evaluate is requeued for the other lanes. `id` names the lane for ``dismiss(_:)``.
    package func serve(_ lane: any SearchEvaluator, id: Int) async {
        queue.withLock { $0.join(id) }
        defer { queue.withLock { $0.leave(id) } }
        while case .work(let work) = await take(.extra(id)) {
            let results: [EvaluateResult.Evaluation]
            do {
                results = try await lane.evaluate(work.schedules, prompts: work.prompts)
            } catch {
                resume(queue.withLock { $0.requeue(work) })
                return
            }
            do {
                try await work.deliver(work.index, results)
                resume(queue.withLock { $0.complete(work) })
            } catch {
                resume(queue.withLock { $0.abort(work, error: error) })
            }
        }
    }

    /// Asks extra lane `id` to leave: at once when it waits for work, else when its chunk ends (its owner kills
    /// the worker to make that immediate; the chunk is then requeued).
    package func dismiss(_ id: Int) {
        resume(queue.withLock { $0.dismiss(id) })
    }

    private func take(_ lane: ChunkQueue.Lane) async -> ChunkQueue.Next {
        await withCheckedContinuation { continuation in
            if let next = queue.withLock({ $0.take(lane, continuation: continuation) }) {
                continuation.resume(returning: next)
            }
        }
    }

    private func resume(_ waiters: [(CheckedContinuation<ChunkQueue.Next, Never>, ChunkQueue.Next)]) {
        for (continuation, next) in waiters { continuation.resume(returning: next) }
    }
}
