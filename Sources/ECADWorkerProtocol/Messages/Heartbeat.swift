/// Worker → daemon: "still alive", sent every heartbeat interval, also while a request runs.
public struct Heartbeat: Codable, Sendable, Equatable {
    /// Increasing counter, starting at 0.
    public var seq: Int

    /// Creates a heartbeat.
    public init(seq: Int) { self.seq = seq }
}
