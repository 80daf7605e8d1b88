/// The state of a job, as Slurm spells it. The raw value is the stored and wire spelling.
///
/// One definition for the store, the API and the CLI. In the store, PENDING and HELD carry a reason, FAILED carries
/// its reason and CANCELLED the actor uid; legal moves are decided by the store's `JobStateMachine`.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Queued, waiting for a worker slot.
    case pending = "PENDING"
    /// Kept out of scheduling until released.
    case held = "HELD"
    /// Claimed by a worker slot.
    case running = "RUNNING"
    /// Finished successfully. Terminal.
    case completed = "COMPLETED"
    /// Finished with an error. Terminal.
    case failed = "FAILED"
    /// Cancelled by a user or admin. Terminal.
    case cancelled = "CANCELLED"
    /// Stopped at its wall-clock limit. Terminal.
    case timeout = "TIMEOUT"

    /// Whether the state can never change again.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .cancelled, .timeout: true
        case .pending, .held, .running: false
        }
    }

    /// The states a job can still leave: PENDING, HELD, RUNNING.
    public static let active: Set<JobState> = [.pending, .held, .running]
}
