/// The body of `GET /v1/jobs` (filters: `user`, `state`, `kind`, `all`).
public struct JobListResponse: Codable, Sendable, Hashable {
    /// The jobs, in id order, without their specs.
    public var jobs: [JobView]

    /// Wraps a listing.
    public init(jobs: [JobView]) {
        self.jobs = jobs
    }
}
