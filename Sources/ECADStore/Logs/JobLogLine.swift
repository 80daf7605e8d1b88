import ECADCore
import Foundation

/// One line of a job's log.
public struct JobLogLine: Sendable, Hashable, Identifiable {
    /// Where a line came from.
    public enum Stream: String, Sendable, Hashable, Codable, CaseIterable {
        /// The worker's stderr.
        case worker
        /// A note by the daemon (start, requeue, kill).
        case daemon
    }

    /// Increasing across all jobs; `lines(after:)` with the last seen id follows a log.
    public var id: Int64
    /// The job.
    public var jobID: JobID
    /// When it was stored.
    public var time: Date
    /// Its source.
    public var stream: Stream
    /// The text, without its newline, at most ``InputLimits/maxLogLineBytes``.
    public var text: String

    /// Describes a line.
    public init(id: Int64, jobID: JobID, time: Date, stream: Stream, text: String) {
        self.id = id
        self.jobID = jobID
        self.time = time
        self.stream = stream
        self.text = text
    }
}
