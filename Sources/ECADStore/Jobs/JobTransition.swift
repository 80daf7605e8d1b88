import ECADCore

/// A requested change of a job's state; ``JobStateMachine`` decides whether it is legal.
public enum JobTransition: Sendable, Hashable, CustomStringConvertible {
    /// A worker slot takes the job: PENDING → RUNNING.
    case claim
    /// The worker finished: RUNNING → COMPLETED.
    case complete
    /// The job cannot go on: PENDING, HELD or RUNNING → FAILED(reason).
    case fail(JobReason)
    /// A user or admin stops the job: PENDING, HELD or RUNNING → CANCELLED(by).
    case cancel(by: UInt32)
    /// The wall-clock limit passed: RUNNING → TIMEOUT.
    case timeout
    /// The job is kept out of scheduling: PENDING or RUNNING → HELD(reason). From RUNNING the run is abandoned
    /// (restarts+1) and the daemon must stop its worker.
    case hold(JobReason)
    /// A hold ends: HELD → PENDING(Priority).
    case release
    /// The run is abandoned and queued again: RUNNING → PENDING(reason), restarts+1.
    case requeue(JobReason)

    /// A short name for messages and events (`claim`, `cancel`, ...).
    public var name: String {
        switch self {
        case .claim: "claim"
        case .complete: "complete"
        case .fail: "fail"
        case .cancel: "cancel"
        case .timeout: "timeout"
        case .hold: "hold"
        case .release: "release"
        case .requeue: "requeue"
        }
    }

    /// The name, with the reason or actor where there is one.
    public var description: String {
        switch self {
        case .fail(let reason), .hold(let reason), .requeue(let reason): "\(name)(\(reason))"
        case .cancel(let uid): "cancel(by uid \(uid))"
        case .claim, .complete, .timeout, .release: name
        }
    }
}
