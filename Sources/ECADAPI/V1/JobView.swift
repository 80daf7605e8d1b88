import ECADCore
import Foundation

/// A job as the API shows it (`GET /v1/jobs/{id}`, and each row of `GET /v1/jobs`).
public struct JobView: Codable, Sendable, Hashable {
    /// What a job does: ECADCore's ``JobKind``, the same type the store keeps.
    public typealias Kind = JobKind

    /// A job's state, as Slurm spells it: ECADCore's ``JobState``, the same type the store keeps.
    public typealias State = JobState

    /// The job id (a positive integer).
    public var id: Int64
    /// What the job does.
    public var kind: Kind
    /// Its optional name.
    public var name: String?
    /// The owner's uid.
    public var ownerUID: UInt32
    /// The owner's user name.
    public var ownerName: String
    /// The current state.
    public var state: State
    /// Why it is PENDING, HELD or FAILED (`Priority`, `JobHeldUser`, `CrashLimit`, ...).
    public var reason: String?
    /// Who cancelled it, when CANCELLED.
    public var cancelledBy: UInt32?
    /// Its per-job priority.
    public var priority: Int
    /// When it was submitted.
    public var submittedAt: Date
    /// When it last started running.
    public var startedAt: Date?
    /// When it ended.
    public var endedAt: Date?
    /// Abandoned runs (crashes, daemon restarts, requeues).
    public var restarts: Int
    /// The latest progress snapshot, if the job has reported any.
    public var progress: JobProgressView?
    /// The submitted spec; present in `show`, absent in listings.
    public var spec: JSONValue?
    /// Worker processes the job holds now: its own plus slots lent to it; 0 when it is not running.
    public var workers: Int

    /// Describes a job.
    public init(
        id: Int64, kind: Kind, name: String?, ownerUID: UInt32, ownerName: String, state: State, reason: String?,
        cancelledBy: UInt32?, priority: Int, submittedAt: Date, startedAt: Date?, endedAt: Date?, restarts: Int,
        progress: JobProgressView?, spec: JSONValue?, workers: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.ownerUID = ownerUID
        self.ownerName = ownerName
        self.state = state
        self.reason = reason
        self.cancelledBy = cancelledBy
        self.priority = priority
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.restarts = restarts
        self.progress = progress
        self.spec = spec
        self.workers = workers
    }
}
