import Foundation

/// How a ``Store`` behaves: timeouts, durability, scheduling policy, retention, and its clock.
public struct StoreConfiguration: Sendable {
    /// How long a write waits for SQLite's lock held by another process (e.g. a backup) before failing.
    public var busyTimeout: TimeInterval
    /// The scheduling policy used by ``JobQueue/claimNext(slots:)``.
    public var policy: PriorityPolicy
    /// Consecutive crashes after which ``JobQueue/requeueAfterCrash(_:reason:)`` holds the job (default 3).
    public var crashLimit: Int
    /// Checkpoints kept per job; older ones are deleted when a new one is saved (default 3).
    public var checkpointsKept: Int
    /// Log lines kept per job; the oldest are deleted beyond it (default 100 000).
    public var logLinesKept: Int
    /// The time source; tests inject a fixed or stepping clock.
    public var now: @Sendable () -> Date
    /// How writes reach the disk; production keeps the default (see ``SyncMode``).
    package var syncMode: SyncMode = .fullWithRelaxedFrequentWrites
    /// Receives the SQL of every statement run on any connection (tests check the transaction kind).
    package var statementObserver: (@Sendable (String) -> Void)?

    /// The defaults listed on each property, with the system clock.
    public init(
        busyTimeout: TimeInterval = 5, policy: PriorityPolicy = PriorityPolicy(), crashLimit: Int = 3,
        checkpointsKept: Int = 3, logLinesKept: Int = 100_000, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.busyTimeout = busyTimeout
        self.policy = policy
        self.crashLimit = crashLimit
        self.checkpointsKept = checkpointsKept
        self.logLinesKept = logLinesKept
        self.now = now
    }
}
