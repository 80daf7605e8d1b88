import ECADCore
import ECADStore
import Synchronization

/// The set of RUNNING jobs this daemon supervises, by id.
package final class RunningJobs: Sendable {
    private let jobs = Mutex<[JobID: RunningJob]>([:])

    /// Creates an empty set.
    package init() {}

    /// Adds the handle of a claimed job.
    package func insert(_ job: RunningJob) { jobs.withLock { $0[job.id] = job } }

    /// Removes the handle of a run that is over. Only that handle: if the job was requeued through the API and
    /// claimed again while this run was settling, the new run's handle stays.
    package func remove(_ job: RunningJob) {
        jobs.withLock { jobs in
            if jobs[job.id] === job { jobs[job.id] = nil }
        }
    }

    /// How many jobs run now.
    package var count: Int { jobs.withLock { $0.count } }

    /// The ids of the jobs that run here now.
    package var ids: Set<JobID> { jobs.withLock { Set($0.keys) } }

    /// The handles of the jobs that run here now, by id.
    package var handles: [RunningJob] { jobs.withLock { jobs in jobs.values.sorted { $0.id < $1.id } } }

    /// The worker processes job `id` holds now; 0 when it does not run here.
    package func workers(of id: JobID) -> Int { jobs.withLock { $0[id] }?.workers ?? 0 }

    /// The generation of every running search that has reported one, by job id.
    package var generations: [SchedulerStatus.Generation] {
        jobs.withLock { Array($0.values) }.compactMap(\.generation).sorted { $0.job < $1.job }
    }

    /// Stops one job's worker, if it runs here (after an API cancel, hold or requeue).
    package func stop(_ id: JobID, reason: RunningJob.StopReason) {
        jobs.withLock { $0[id] }?.stop(reason)
    }

    /// Stops every worker (graceful shutdown).
    package func stopAll(reason: RunningJob.StopReason) {
        for job in jobs.withLock({ Array($0.values) }) { job.stop(reason) }
    }
}
