/// The body of `GET /v1/jobs/{id}/artifacts`.
public struct ArtifactListResponse: Codable, Sendable, Hashable {
    /// One file a job produced.
    public struct Item: Codable, Sendable, Hashable {
        /// `image`, `table`, `plot`, `schedule`, `front`, ...
        public var kind: String
        /// The path relative to the job's artifact folder.
        public var path: String
        /// sha256 of the content, lowercase hex.
        public var sha256: String
        /// Size in bytes.
        public var bytes: Int64

        /// Describes an artifact.
        public init(kind: String, path: String, sha256: String, bytes: Int64) {
            self.kind = kind
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// The job.
    public var jobID: Int64
    /// Its artifacts, by path.
    public var artifacts: [Item]

    /// Wraps a listing.
    public init(jobID: Int64, artifacts: [Item]) {
        self.jobID = jobID
        self.artifacts = artifacts
    }
}
