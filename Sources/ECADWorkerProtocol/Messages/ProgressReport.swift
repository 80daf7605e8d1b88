/// Worker → daemon: how far a running request has got.
public struct ProgressReport: Codable, Sendable, Equatable {
    /// Units finished (images, candidates).
    public var done: Int
    /// Units in the request.
    public var total: Int
    /// Optional human-readable note.
    public var message: String?

    /// Creates a progress report.
    public init(done: Int, total: Int, message: String? = nil) {
        self.done = done
        self.total = total
        self.message = message
    }
}
