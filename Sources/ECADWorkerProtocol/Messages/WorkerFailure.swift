/// Worker → daemon: a request failed. Without a request id it concerns the worker as a whole.
public struct WorkerFailure: Codable, Sendable, Equatable {
    /// Machine-readable class: `bad_request`, `unknown_model`, `not_loaded`, `out_of_memory`, `internal`, ...
    public var code: String
    /// Readable explanation.
    public var message: String
    /// True when the worker cannot go on and will exit.
    public var fatal: Bool

    /// Creates a failure.
    public init(code: String, message: String, fatal: Bool = false) {
        self.code = code
        self.message = message
        self.fatal = fatal
    }
}
