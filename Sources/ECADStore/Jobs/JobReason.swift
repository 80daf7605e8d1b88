/// Why a job is in its state, in Slurm's vocabulary (`Priority`, `Resources`, `JobHeldUser`, ...).
///
/// An open set: the daemon may record other reasons (for example a worker's error code); the constants below
/// are the ones the store itself writes.
public struct JobReason: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The stored spelling.
    public let rawValue: String

    /// Wraps a reason string.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a reason literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The stored spelling.
    public var description: String { rawValue }

    /// Pending behind jobs of higher priority (the reason given at submit and after release).
    public static let priority: JobReason = "Priority"
    /// Pending because every worker slot is busy.
    public static let resources: JobReason = "Resources"
    /// Held by its owner.
    public static let jobHeldUser: JobReason = "JobHeldUser"
    /// Held by root or an `ecadd-admin` member.
    public static let jobHeldAdmin: JobReason = "JobHeldAdmin"
    /// Requeued because its worker crashed or was killed.
    public static let workerCrashed: JobReason = "WorkerCrashed"
    /// Requeued because its worker missed its heartbeat deadline and was killed.
    public static let workerHung: JobReason = "WorkerHung"
    /// Requeued by the scheduler's reconciliation: RUNNING in the store with no worker running it (the end of
    /// its run could not be written, for example because the disk was full).
    public static let workerLost: JobReason = "WorkerLost"
    /// Held after ``JobQueue/crashLimit`` consecutive crashes.
    public static let crashLimit: JobReason = "CrashLimit"
    /// Requeued at startup: the daemon died while the job was running.
    public static let daemonRestart: JobReason = "DaemonRestart"
    /// Requeued by a graceful daemon shutdown (SIGTERM).
    public static let daemonShutdown: JobReason = "DaemonShutdown"
    /// Requeued on request (`ecad requeue`).
    public static let requeued: JobReason = "Requeued"
    /// Failed: the worker reported an error.
    public static let workerError: JobReason = "WorkerError"
    /// Failed: the spec was refused when the job started.
    public static let invalidSpec: JobReason = "InvalidSpec"
    /// Failed: the registry refused to publish the front (its name belongs to another user).
    public static let registryForbidden: JobReason = "RegistryForbidden"
}
