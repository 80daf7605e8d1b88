/// A page of events, with the job's current view so a watcher can print progress without a second request.
public struct JobEventListResponse: Codable, Sendable, Hashable {
    /// Events after the requested id, oldest first.
    public var events: [JobEventView]
    /// The job now (with progress), when the request was for one job.
    public var job: JobView?

    /// Wraps a page.
    public init(events: [JobEventView], job: JobView?) {
        self.events = events
        self.job = job
    }
}
