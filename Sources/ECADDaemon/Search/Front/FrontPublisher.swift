import ECADCore
import ECADStore
import Foundation

/// Publishes a finished search's front to the registry through ``Registry/publish(front:by:)``: one immutable
/// version per member (digest = the schedule digest, metrics as ``RegistryMetrics``), all under the name
/// `publish.name` (default `<model>/job-<id>`), and the aliases `NAME@fastest`, `NAME@balanced`, `NAME@quality`
/// moved by the store's documented ``AliasRule``s in the same transaction, as the job's owner.
package struct FrontPublisher {
    /// The search's plan.
    package let plan: SearchPlan
    /// The model digest (weights).
    package let modelDigest: String
    /// The search job.
    package let job: JobID
    /// The job's owner: a new name becomes theirs, and a name of another user is refused unless they are an admin.
    package let owner: RegistryActor

    /// The registry name.
    package var name: String { plan.spec.publish.name ?? "\(plan.model.id)/job-\(job)" }

    /// Publishes `front`; nothing happens for an empty front. `uncachedReward` is the uncached schedule's reward
    /// on the same prompts when the search evaluated it (the `fastest` rule's reference); otherwise the front's
    /// best reward stands in for it.
    @discardableResult
    package func publish(_ front: SearchFront, uncachedReward: Double?, to registry: Registry) async throws -> PublishedFront? {
        guard let best = front.bestReward else { return nil }
        let config = plan.model.config
        let members = try front.members.map { member in
            let metrics = RegistryMetrics(reward: member.metrics.reward, macsRatio: member.metrics.macFraction)
            let document = try ScheduleDocument(
                model: plan.model.id, schedule: member.schedule, sampler: plan.samplerKey, resolution: config.resolution,
                metrics: .object([
                    (key: "macs_ratio", value: .number(String(metrics.macsRatio))),
                    (key: "reward", value: .number(String(metrics.reward))),
                ]))
            return FrontMember(document: document, metrics: metrics, generation: front.generation)
        }
        let publication = FrontPublication(
            name: name, modelID: plan.model.id, weightsDigest: modelDigest, sampler: plan.samplerKey,
            steps: plan.codec.steps, resolution: config.resolution.width,
            calibrationPromptSetDigest: SearchPrompts.digest(plan.prompts), uncachedReward: uncachedReward ?? best,
            jobID: job, seed: UInt64(plan.spec.seed), softwareVersion: DaemonConfiguration.softwareVersion, members: members)
        return try await registry.publish(front: publication, by: owner)
    }
}
