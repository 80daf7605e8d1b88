import ECADCore
import ECADWorkerProtocol

/// The chunks of the batch a ``LocalWorkerPool`` is running, and the lanes waiting for one: the pool's state,
/// kept under its lock. Pure bookkeeping; the pool resumes the waiters this hands back.
struct ChunkQueue {
    /// A lane of the pool: the job's own worker, or an extra worker (by the id its owner gave it).
    enum Lane: Hashable, Sendable {
        case primary
        case extra(Int)
    }

    /// One chunk handed to a lane.
    struct Work: Sendable {
        /// The batch it belongs to (a lane may finish a chunk of a batch that already ended).
        let batch: Int
        /// The chunk's index in its batch.
        let index: Int
        let schedules: [Schedule]
        let prompts: [String]
        let deliver: @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    }

    /// What a lane does next.
    enum Next: Sendable {
        case work(Work)
        /// The batch is over (every chunk delivered, or it failed): only the primary lane is told.
        case batchOver
        /// The extra lane was dismissed.
        case dismissed
    }

    private var batch = 0
    private var chunks: [[Schedule]] = []
    private var prompts: [String] = []
    private var deliver: (@Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void)?
    private var pending: [Int] = []
    private var delivered = 0
    private var active = false
    /// The first error of the batch (a failed delivery or primary lane).
    private(set) var failure: (any Error)?
    private var waiters: [(lane: Lane, continuation: CheckedContinuation<Next, Never>)] = []
    private var dismissed: Set<Int> = []
    /// The extra lanes serving now.
    private(set) var extras: Set<Int> = []

    /// Starts a batch; returns the waiters that now have work.
    mutating func begin(
        _ chunks: [[Schedule]], prompts: [String],
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) -> [(CheckedContinuation<Next, Never>, Next)] {
        batch += 1
        self.chunks = chunks
        self.prompts = prompts
        self.deliver = deliver
        pending = Array(chunks.indices)
        delivered = 0
        failure = nil
        active = !chunks.isEmpty
        return wake()
    }

    /// Ends the batch (no lane takes another of its chunks); returns its failure, if any.
    mutating func end() -> (any Error)? {
        active = false
        pending = []
        deliver = nil
        return failure
    }

    /// The next step for `lane` if it need not wait, else parks `continuation` and returns nil.
    mutating func take(_ lane: Lane, continuation: CheckedContinuation<Next, Never>) -> Next? {
        if let next = immediate(for: lane) { return next }
        waiters.append((lane, continuation))
        return nil
    }

    /// A chunk was delivered.
    mutating func complete(_ work: Work) -> [(CheckedContinuation<Next, Never>, Next)] {
        guard work.batch == batch, active else { return [] }
        delivered += 1
        if delivered == chunks.count { active = false }
        return wake()
    }

    /// A chunk's lane died before answering: the chunk goes back to the queue, first in line.
    mutating func requeue(_ work: Work) -> [(CheckedContinuation<Next, Never>, Next)] {
        guard work.batch == batch, active else { return [] }
        pending.insert(work.index, at: pending.firstIndex { $0 > work.index } ?? pending.endIndex)
        return wake()
    }

    /// The batch failed (a delivery threw, or the primary lane died): no further chunk is handed out.
    mutating func abort(_ work: Work, error: any Error) -> [(CheckedContinuation<Next, Never>, Next)] {
        guard work.batch == batch, active else { return [] }
        if failure == nil { failure = error }
        return wake()
    }

    /// Registers an extra lane.
    mutating func join(_ id: Int) { extras.insert(id) }

    /// Forgets an extra lane that left.
    mutating func leave(_ id: Int) {
        extras.remove(id)
        dismissed.remove(id)
    }

    /// Dismisses an extra lane: a waiting lane is told at once, a busy one when it next asks for work.
    mutating func dismiss(_ id: Int) -> [(CheckedContinuation<Next, Never>, Next)] {
        guard extras.contains(id) else { return [] }
        dismissed.insert(id)
        return wake()
    }

    private mutating func immediate(for lane: Lane) -> Next? {
        if case .extra(let id) = lane, dismissed.contains(id) { return .dismissed }
        if active, failure == nil, !pending.isEmpty, let deliver {
            let index = pending.removeFirst()
            return .work(Work(batch: batch, index: index, schedules: chunks[index], prompts: prompts, deliver: deliver))
        }
        if lane == .primary, !active || failure != nil { return .batchOver }
        return nil
    }

    private mutating func wake() -> [(CheckedContinuation<Next, Never>, Next)] {
        var resumed: [(CheckedContinuation<Next, Never>, Next)] = []
        var still: [(lane: Lane, continuation: CheckedContinuation<Next, Never>)] = []
        for waiter in waiters {
            if let next = immediate(for: waiter.lane) {
                resumed.append((waiter.continuation, next))
            } else {
                still.append(waiter)
            }
        }
        waiters = still
        return resumed
    }
}
