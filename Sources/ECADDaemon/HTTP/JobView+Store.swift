import ECADAPI
import ECADCore
import ECADStore
import Foundation

extension JobView {
    /// The wire view of a stored job; `includeSpec` adds the spec (for `show`, not for listings); `running`
    /// gives the live worker count of a RUNNING job.
    init(_ job: Job, includeSpec: Bool, running: RunningJobs) {
        let decoder = APIJSON.makeDecoder()
        let progress = job.progressJSON.flatMap { try? decoder.decode(JobProgressView.self, from: Data($0.utf8)) }
        let spec = includeSpec ? try? decoder.decode(JSONValue.self, from: Data(job.specJSON.utf8)) : nil
        self.init(
            id: job.id.rawValue, kind: job.kind, name: job.name,
            ownerUID: job.ownerUID, ownerName: job.ownerName, state: job.state,
            reason: job.reason?.rawValue, cancelledBy: job.cancelledBy, priority: job.priority,
            submittedAt: job.submittedAt, startedAt: job.startedAt, endedAt: job.endedAt, restarts: job.restarts,
            progress: progress, spec: spec, workers: job.state == .running ? running.workers(of: job.id) : 0)
    }
}

extension JobEventView {
    /// The wire view of a stored event.
    init(_ event: JobEvent) {
        self.init(
            id: event.id, jobID: event.jobID.rawValue, time: event.time,
            from: event.from, to: event.to, reason: event.reason?.rawValue,
            actorUID: event.actorUID)
    }
}
