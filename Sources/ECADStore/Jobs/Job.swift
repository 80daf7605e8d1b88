import ECADCore
import Foundation

/// A job as stored: its spec, owner, state and accounting.
public struct Job: Sendable, Hashable, Identifiable {
    /// The id assigned at submit.
    public var id: JobID
    /// What the job does.
    public var kind: JobKind
    /// An optional name given at submit (validated by ``InputLimits/validateJobName(_:)``).
    public var name: String?
    /// The submitter's uid (from SO_PEERCRED).
    public var ownerUID: UInt32
    /// The submitter's user name, resolved by the daemon at submit.
    public var ownerName: String
    /// The per-job priority set at submit, in ``InputLimits/priorityRange``.
    public var priority: Int
    /// The current state.
    public var state: JobState
    /// Why the job is PENDING, HELD or FAILED; nil otherwise.
    public var reason: JobReason?
    /// The uid that cancelled the job, when it is CANCELLED.
    public var cancelledBy: UInt32?
    /// When the job was submitted.
    public var submittedAt: Date
    /// When the job last started running (nil if it never ran).
    public var startedAt: Date?
    /// When the job reached a terminal state.
    public var endedAt: Date?
    /// The last heartbeat of its running worker.
    public var heartbeatAt: Date?
    /// How many runs were abandoned (crash, daemon restart, requeue).
    public var restarts: Int
    /// Crashes since the job last made progress; at ``JobQueue/crashLimit`` the job is held.
    public var consecutiveCrashes: Int
    /// The spec, JSON text as submitted (at most ``InputLimits/maxSpecBytes``).
    public var specJSON: String
    /// The latest progress snapshot written by its runner (JSON text: generation, evaluations, best reward,
    /// hypervolume, ETA), or nil before the first.
    public var progressJSON: String?

    /// Creates a job value; the store builds these, tests may too.
    public init(
        id: JobID, kind: JobKind, name: String?, ownerUID: UInt32, ownerName: String, priority: Int,
        state: JobState, reason: JobReason?, cancelledBy: UInt32?, submittedAt: Date, startedAt: Date?,
        endedAt: Date?, heartbeatAt: Date?, restarts: Int, consecutiveCrashes: Int, specJSON: String,
        progressJSON: String?
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.ownerUID = ownerUID
        self.ownerName = ownerName
        self.priority = priority
        self.state = state
        self.reason = reason
        self.cancelledBy = cancelledBy
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.heartbeatAt = heartbeatAt
        self.restarts = restarts
        self.consecutiveCrashes = consecutiveCrashes
        self.specJSON = specJSON
        self.progressJSON = progressJSON
    }
}
