import ECADCore
import ECADReport
import ECADStore
import Foundation

/// The members of a finished search job's front, for `{ front = "<job id>" }`: read from the job's newest
/// checkpoint (the same front `GET /v1/jobs/{id}/front` shows), by decreasing reward.
package struct FrontJobSchedules {
    /// The spec field being read, e.g. `evaluate.schedules[0].front`.
    package let field: String
    /// The evaluate job's model id.
    package let modelID: String
    /// The evaluate job's sampler steps.
    package let steps: Int
    /// The daemon's models directory (to rebuild the search's genome codec).
    package let modelsDirectory: URL?
    /// The policy the search's spec is read under.
    package let policy: SpecPolicy

    /// The search job id `text` names.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` when it is not a job id.
    package static func jobID(_ text: String, field: String) throws(DaemonError) -> JobID {
        do {
            return try JobID(parsing: text)
        } catch {
            throw .invalidSpec(field: field, message: "expected the id of a finished search job, got \"\(text.prefix(64))\"")
        }
    }

    /// The front's members as candidates labelled `job <id> #<rank>` (rank 1 = highest reward).
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` for an unknown job, a job that is not a finished search
    ///   with a checkpoint, or a search on another model or step count.
    package func candidates(_ text: String, store: Store) async throws -> [EvaluateCandidate] {
        let id = try Self.jobID(text, field: field)
        let job: Job
        do {
            job = try await store.jobs.job(id)
        } catch {
            throw DaemonError.invalidSpec(field: field, message: "no job \(id)")
        }
        guard job.kind == .search else {
            throw DaemonError.invalidSpec(field: field, message: "job \(id) is a \(job.kind.rawValue) job, not a search")
        }
        guard job.state.isTerminal else {
            throw DaemonError.invalidSpec(field: field, message: "job \(id) is \(job.state.rawValue); its front is final only once it has finished")
        }
        guard let data = try await store.checkpoints.latest(job: id)?.state else {
            throw DaemonError.invalidSpec(field: field, message: "job \(id) has no front (it saved no checkpoint)")
        }
        let search = try SearchRunner.parse(Data(job.specJSON.utf8), policy: policy)
        guard search.setup.model == modelID, search.setup.sampler.steps == steps else {
            throw DaemonError.invalidSpec(
                field: field,
                message: "job \(id) searched \(search.setup.model) at \(search.setup.sampler.steps) steps; this job evaluates \(modelID) at \(steps) steps")
        }
        let model = try SearchModel(id: search.setup.model, modelsDirectory: modelsDirectory)
        let codec = try ScheduleGenomeCodec(steps: steps, layout: model.config.layout)
        let front = try SearchFront(checkpoint: try SearchCheckpoint.decode(data), codec: codec)
        return front.members.enumerated().map { rank, member in
            EvaluateCandidate(schedule: member.schedule, sources: [EvaluationSource(kind: .front, label: "job \(id) #\(rank + 1)")])
        }
    }
}
