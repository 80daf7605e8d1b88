import ECADCore
import Foundation

/// One `sbatch --array` submission of a search's batch of candidates (table `slurmArray`, migration
/// `v8-slurm-arrays`).
public struct SlurmArray: Sendable, Equatable {
    /// Where the array stands, as far as the daemon knows.
    public enum State: String, Sendable {
        /// Submitted; its tasks may be pending or running.
        case running
        /// No task of it is left in Slurm's queue.
        case finished
        /// The daemon cancelled it (`scancel`).
        case cancelled
    }

    /// The row id.
    public var id: Int64
    /// The search job that submitted it.
    public var jobID: JobID
    /// The batch of candidates it belongs to (names the folder; resubmissions of missing chunks share it).
    public var batchKey: String
    /// 1 for the batch's first submission, one more per resubmission of missing chunks.
    public var attempt: Int
    /// Slurm's job id of the array.
    public var arrayID: String
    /// The request folder on the shared file system.
    public var folder: String
    /// The keys of the chunks this array evaluates; the chunk at position i has `request-<i>.json` and
    /// `result-<i>.json` in ``folder``.
    public var chunks: [String]
    /// Where it stands.
    public var state: State
    /// When it was submitted.
    public var submittedAt: Date
    /// When it was seen to leave the queue, or was cancelled.
    public var finishedAt: Date?

    /// Creates a record.
    public init(
        id: Int64, jobID: JobID, batchKey: String, attempt: Int, arrayID: String, folder: String, chunks: [String],
        state: State, submittedAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.jobID = jobID
        self.batchKey = batchKey
        self.attempt = attempt
        self.arrayID = arrayID
        self.folder = folder
        self.chunks = chunks
        self.state = state
        self.submittedAt = submittedAt
        self.finishedAt = finishedAt
    }
}
