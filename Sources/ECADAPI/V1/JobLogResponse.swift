import Foundation

/// The body of `GET /v1/jobs/{id}/logs?after=N`.
public struct JobLogResponse: Codable, Sendable, Hashable {
    /// One log line.
    public struct Line: Codable, Sendable, Hashable {
        /// The line id; pass the last one seen as `after` to follow the log.
        public var id: Int64
        /// When it was stored.
        public var time: Date
        /// `worker` (its stderr) or `daemon`.
        public var stream: String
        /// The text.
        public var text: String

        /// Describes a line.
        public init(id: Int64, time: Date, stream: String, text: String) {
            self.id = id
            self.time = time
            self.stream = stream
            self.text = text
        }
    }

    /// The job.
    public var jobID: Int64
    /// Lines after the requested id, oldest first.
    public var lines: [Line]

    /// Wraps a page of lines.
    public init(jobID: Int64, lines: [Line]) {
        self.jobID = jobID
        self.lines = lines
    }
}
