/// The body of `GET /v1/jobs/{id}/front`: a search's current (or final) Pareto front.
public struct FrontView: Codable, Sendable, Hashable {
    /// One schedule on the front.
    public struct Member: Codable, Sendable, Hashable {
        /// sha256 of the schedule's canonical encoding.
        public var scheduleDigest: String
        /// Its metrics by name (`reward`, `macsRatio`, `latencySeconds`, ...).
        public var metrics: [String: Double]
        /// The registry digest, once the front is published.
        public var registryDigest: String?

        /// Describes a member.
        public init(scheduleDigest: String, metrics: [String: Double], registryDigest: String? = nil) {
            self.scheduleDigest = scheduleDigest
            self.metrics = metrics
            self.registryDigest = registryDigest
        }
    }

    /// The search job.
    public var jobID: Int64
    /// The generation the front belongs to.
    public var generation: Int
    /// The front's hypervolume, if computed.
    public var hypervolume: Double?
    /// Members, by decreasing reward.
    public var members: [Member]

    /// Describes a front.
    public init(jobID: Int64, generation: Int, hypervolume: Double?, members: [Member]) {
        self.jobID = jobID
        self.generation = generation
        self.hypervolume = hypervolume
        self.members = members
    }
}
