/// Wakes the scheduler loop early (a job was submitted, released or finished) instead of waiting for its tick.
package struct SchedulerWakeup: Sendable {
    /// The signals; buffered to one, so many wakeups between two loop turns count once.
    package let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// Creates a wakeup channel.
    package init() {
        (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the scheduler to look at the queue now.
    package func wake() { continuation.yield() }

    /// Ends the stream (shutdown).
    package func finish() { continuation.finish() }
}
