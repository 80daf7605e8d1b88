import Foundation

/// One state transition of a job (`GET /v1/jobs/{id}/events?after=N`, streamed for `ecad watch`).
public struct JobEventView: Codable, Sendable, Hashable {
    /// The event id; pass the last one seen as `after` to get newer events.
    public var id: Int64
    /// The job.
    public var jobID: Int64
    /// When it happened.
    public var time: Date
    /// The state before (nil for the submit event).
    public var from: JobView.State?
    /// The state after.
    public var to: JobView.State
    /// The reason or cause.
    public var reason: String?
    /// Who asked for it; nil when the daemon acted.
    public var actorUID: UInt32?

    /// Describes an event.
    public init(
        id: Int64, jobID: Int64, time: Date, from: JobView.State?, to: JobView.State, reason: String?,
        actorUID: UInt32?
    ) {
        self.id = id
        self.jobID = jobID
        self.time = time
        self.from = from
        self.to = to
        self.reason = reason
        self.actorUID = actorUID
    }
}
