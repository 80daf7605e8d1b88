/// Daemon → worker: stop. The worker abandons or finishes its current request, answers with a `result`
/// of `shutdown` (no fields), and exits with status 0.
public struct ShutdownRequest: Codable, Sendable, Equatable {
    /// Why, for the worker's log (`daemon stopping`, `job cancelled`, ...).
    public var reason: String

    /// Creates a shutdown request.
    public init(reason: String) { self.reason = reason }
}
