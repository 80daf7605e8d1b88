import ECADCore

/// Every error the store throws. Each case names what is wrong; the daemon maps cases to HTTP statuses
/// (not found → 404, invalid transition → 409, invalid input → 400, forbidden → 403, too large → 413,
/// database → 503, disk full → 507).
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No job has this id.
    case jobNotFound(JobID)
    /// The transition is not legal from the job's current state (for example, anything from a terminal state).
    case invalidTransition(job: JobID?, from: JobState, transition: String)
    /// A field of the input is malformed; `field` names it.
    case invalidInput(field: String, message: String)
    /// A field of the input is larger than the store accepts.
    case inputTooLarge(field: String, bytes: Int, limit: Int)
    /// The actor may not change this record (a registry name owned by another user); the message names the owner.
    case forbidden(String)
    /// No registry version, alias or other named record has this key.
    case notFound(what: String, key: String)
    /// SQLite or GRDB failed; the message is the underlying error's description.
    case database(String)
    /// A write failed because the file system holding the state directory is full: `directory` is the
    /// database's folder, `freeBytes` what `statvfs` reports free there (nil if unknown), `message` SQLite's error.
    case diskFull(directory: String, freeBytes: UInt64?, message: String)
    /// The operation is declared but not implemented yet.
    case notImplemented(String)

    /// A message naming the problem.
    public var description: String {
        switch self {
        case .jobNotFound(let id):
            "no job with id \(id)"
        case .invalidTransition(let job, let from, let transition):
            "job \(job.map(String.init(describing:)) ?? "?") is \(from.rawValue): \(transition) is not allowed"
        case .invalidInput(let field, let message):
            "invalid \(field): \(message)"
        case .inputTooLarge(let field, let bytes, let limit):
            "\(field) is \(bytes) bytes, more than the limit of \(limit) bytes"
        case .forbidden(let message):
            message
        case .notFound(let what, let key):
            "no \(what) named \(key)"
        case .database(let message):
            "database error: \(message)"
        case .diskFull(let directory, let free, let message):
            "the disk holding \(directory) is full (\(free.map { "\($0) bytes free" } ?? "free space unknown")): "
                + "free space there, then retry (\(message))"
        case .notImplemented(let what):
            "not implemented yet: \(what)"
        }
    }
}
