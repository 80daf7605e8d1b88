import Synchronization

/// Group commit: requests that arrive while a batch is being written are written together in the next
/// transaction, so N concurrent submits cost one fsync instead of N.
///
/// No background task: the first caller to find the committer idle becomes the leader and writes the queue
/// (its own request included). When it is done it hands each waiter its result and, if more requests queued
/// meanwhile, wakes the oldest of them as the next leader. Each leader writes exactly one batch, so nobody's
/// latency grows with the load behind them. Waiting does not observe task cancellation: a request once queued
/// is written (the store's writes are not cancellable either).
final class GroupCommit<Input: Sendable, Output: Sendable>: Sendable {
    /// Writes one batch; returns one result per input, in order.
    typealias Flush = @Sendable ([Input]) async -> [Result<Output, StoreError>]

    private enum Wake {
        case lead
        case done(Result<Output, StoreError>)
    }

    private struct Queued {
        let ticket: Int
        let input: Input
    }

    private struct State {
        var nextTicket = 0
        var queue: [Queued] = []
        var leading = false
        var waiters: [Int: CheckedContinuation<Wake, Never>] = [:]
    }

    private let state = Mutex(State())
    private let flush: Flush

    /// A committer that writes batches with `flush`.
    init(flush: @escaping Flush) {
        self.flush = flush
    }

    /// Queues `input` and returns its result once the batch holding it is written.
    func run(_ input: Input) async throws(StoreError) -> Output {
        var ticket = 0
        let wake = await withCheckedContinuation { (continuation: CheckedContinuation<Wake, Never>) in
            state.withLock { state in
                ticket = state.nextTicket
                state.nextTicket += 1
                state.queue.append(Queued(ticket: ticket, input: input))
                if state.leading {
                    state.waiters[ticket] = continuation
                } else {
                    state.leading = true
                    continuation.resume(returning: .lead)
                }
            }
        }
        switch wake {
        case .done(let result):
            return try result.get()
        case .lead:
            return try await lead(ticket: ticket).get()
        }
    }

    private func lead(ticket: Int) async -> Result<Output, StoreError> {
        let batch = state.withLock { state in
            let batch = state.queue
            state.queue.removeAll()
            return batch
        }
        var results = await flush(batch.map(\.input))
        if results.count != batch.count {
            results = Array(repeating: .failure(.database("group commit returned \(results.count) results for \(batch.count)")), count: batch.count)
        }
        var mine: Result<Output, StoreError> = .failure(.database("group commit lost a request"))
        let wakes = state.withLock { state in
            var wakes: [(CheckedContinuation<Wake, Never>, Wake)] = []
            for (queued, result) in zip(batch, results) {
                if queued.ticket == ticket {
                    mine = result
                } else if let waiter = state.waiters.removeValue(forKey: queued.ticket) {
                    wakes.append((waiter, .done(result)))
                }
            }
            if let next = state.queue.first, let waiter = state.waiters.removeValue(forKey: next.ticket) {
                wakes.append((waiter, .lead))
            } else {
                state.leading = false
            }
            return wakes
        }
        for (waiter, wake) in wakes { waiter.resume(returning: wake) }
        return mine
    }
}
