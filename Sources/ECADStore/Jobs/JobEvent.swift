import ECADCore
import Foundation

/// One row of a job's history: a state transition with its time, cause and actor.
///
/// Ids increase across all jobs, so `events(after:)` with the last seen id streams new events (`ecad watch`).
public struct JobEvent: Sendable, Hashable, Identifiable {
    /// The event's id, increasing in commit order.
    public var id: Int64
    /// The job it belongs to.
    public var jobID: JobID
    /// When the transition was committed.
    public var time: Date
    /// The state before (nil for the submit event).
    public var from: JobState?
    /// The state after.
    public var to: JobState
    /// The reason or cause (`Priority` at submit, `WorkerCrashed`, `DaemonRestart`, ...).
    public var reason: JobReason?
    /// The uid that asked for it; nil when the daemon itself acted.
    public var actorUID: UInt32?

    /// Creates an event value.
    public init(id: Int64, jobID: JobID, time: Date, from: JobState?, to: JobState, reason: JobReason?, actorUID: UInt32?)
    {
        self.id = id
        self.jobID = jobID
        self.time = time
        self.from = from
        self.to = to
        self.reason = reason
        self.actorUID = actorUID
    }
}
