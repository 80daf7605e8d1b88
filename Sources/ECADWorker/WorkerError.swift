/// Errors of the native worker: bad model folders, prompts, schedules and arguments.
public struct WorkerError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, naming the offending file, field or word.
    public let message: String

    /// Wraps a message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
