import ECADCore
import ECADStore
import Foundation

/// Publishes a finished search's front to the registry: one immutable version per member (digest = the
/// schedule digest), and aliases under the front's name (`publish.name`, default `<model>/job-<id>`):
/// - `<name>/quality`: the highest reward;
/// - `<name>/fastest`: the lowest MAC fraction;
/// - `<name>/balanced` and `<name>` itself: the member nearest the ideal point (best reward, lowest MAC
///   fraction) after scaling both to [0, 1] over the front; ties go to the earlier member (higher reward).
package struct FrontPublisher {
    /// The search's plan.
    package let plan: SearchPlan
    /// The model digest (weights).
    package let modelDigest: String
    /// The search job.
    package let job: JobID

    /// The alias base name.
    package var name: String { plan.spec.publish.name ?? "\(plan.model.id)/job-\(job)" }

    /// Publishes `front` and moves its aliases; nothing happens for an empty front.
    package func publish(_ front: SearchFront, to registry: Registry) async throws {
        guard !front.members.isEmpty else { return }
        for member in front.members {
            try await registry.publish(try version(member, generation: front.generation))
        }
        for (alias, member) in Self.aliases(front) {
            try await registry.setAlias(alias.isEmpty ? name : "\(name)/\(alias)", to: member.digest.hex, by: nil)
        }
    }

    /// The members the aliases point at: `""` (the name itself), `balanced`, `fastest`, `quality`.
    package static func aliases(_ front: SearchFront) -> [(String, SearchFront.Member)] {
        let members = front.members
        guard let quality = members.first,
            let fastest = members.min(by: { $0.metrics.macFraction < $1.metrics.macFraction })
        else { return [] }
        let rewards = members.map(\.metrics.reward)
        let fractions = members.map(\.metrics.macFraction)
        func scaled(_ value: Double, _ values: [Double]) -> Double {
            guard let low = values.min(), let high = values.max(), high > low else { return 0 }
            return (value - low) / (high - low)
        }
        var balanced = quality
        var best = Double.infinity
        for member in members {
            let gap = 1 - scaled(member.metrics.reward, rewards)
            let cost = scaled(member.metrics.macFraction, fractions)
            let distance = gap * gap + cost * cost
            if distance < best { (best, balanced) = (distance, member) }
        }
        return [("", balanced), ("balanced", balanced), ("fastest", fastest), ("quality", quality)]
    }

    /// The version of one member. The schedule document carries every metric the search saw (latency
    /// included); the registry's own metrics are ``RegistryMetrics`` (reward and MAC ratio: a search measures
    /// no wall-clock speedup against the uncached run), so that listings and speed/quality queries read them.
    private func version(_ member: SearchFront.Member, generation: Int) throws -> RegistryVersion {
        let config = plan.model.config
        let metrics = [
            "reward": member.metrics.reward, "macs_ratio": member.metrics.macFraction,
            "speedup": 1 / member.metrics.macFraction, "latency_seconds": member.metrics.latencySeconds,
        ]
        let provenance = ["job": Double(job.rawValue), "generation": Double(generation), "seed": Double(plan.spec.seed)]
        let document = try ScheduleDocument(
            model: plan.model.id, schedule: member.schedule, sampler: plan.samplerKey, resolution: config.resolution,
            metrics: Self.object(metrics), provenance: Self.object(provenance))
        return RegistryVersion(
            digest: member.digest.hex, scheduleJSON: String(decoding: document.fileBytes, as: UTF8.self),
            modelID: plan.model.id, weightsDigest: modelDigest, sampler: plan.samplerKey, steps: member.schedule.steps,
            resolution: config.resolution.width, calibrationPromptSetDigest: SearchPrompts.digest(plan.prompts),
            metricsJSON: RegistryMetrics(reward: member.metrics.reward, macsRatio: member.metrics.macFraction).json,
            provenanceJSON: try Self.text(provenance), jobID: job)
    }

    private static func object(_ values: [String: Double]) -> ECADCore.JSONValue {
        .object(values.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number(String($0.value))) })
    }

    private static func text(_ values: [String: Double]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }
}
