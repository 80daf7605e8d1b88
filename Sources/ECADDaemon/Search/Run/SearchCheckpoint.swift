import ECADAPI
import ECADSearch
import Foundation

/// A search's whole saved state after a generation: the GA, the stagnation detector, the counters, and
/// the metrics of every population member (so the front can be shown without the cache).
package struct SearchCheckpoint: Codable, Sendable, Equatable {
    /// Format version of this encoding.
    package var version = 1
    /// The NSGA-II state (population, RNG, archive, counters).
    package var state: NSGA2State
    /// Hypervolume stagnation, when the spec asks for it.
    package var stagnation: StagnationDetector?
    /// Evaluation and image counters.
    package var counters: SearchCounters
    /// Metrics of the population's members, by schedule digest.
    package var metrics: [String: MemberMetrics]
    /// Schedule digests of the front's members, by decreasing reward (as ``SearchFront`` orders them).
    package var front: [String] = []
    /// Hypervolume of the front after this generation.
    package var hypervolume: Double
    /// Why the search stopped, once it has.
    package var stopReason: String?
    /// The figures of every generation so far, oldest first (nil in checkpoints written before it was kept).
    package var history: [GenerationFigures]?
    /// Every candidate scored so far with its reward, in order: the surrogate's training data (nil unless the spec
    /// turns the surrogate on).
    package var samples: [SurrogateSample]?

    /// The front as the API shows it.
    package func view(job: Int64) -> FrontView {
        FrontView(
            jobID: job, generation: state.generation, hypervolume: hypervolume,
            members: front.compactMap { digest in metrics[digest].map { SearchFront.member(digest: digest, metrics: $0) } })
    }

    /// Encodes with sorted keys (equal states give equal bytes).
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Decodes a stored checkpoint.
    /// - Throws: ``DaemonError/configuration(_:)`` when it is unreadable.
    package static func decode(_ data: Data) throws(DaemonError) -> SearchCheckpoint {
        do {
            return try JSONDecoder().decode(SearchCheckpoint.self, from: data)
        } catch {
            throw .configuration("search checkpoint is unreadable: \(error)")
        }
    }
}

/// The metrics of one candidate, as the search used them.
package struct MemberMetrics: Codable, Sendable, Equatable, Hashable {
    /// Mean reward over prompts × seeds.
    package var reward: Double
    /// MACs as a fraction of the uncached schedule's.
    package var macFraction: Double
    /// Measured seconds per image (not deterministic).
    package var latencySeconds: Double
    /// False when only the multi-fidelity subset was evaluated.
    package var fullFidelity: Bool
}

/// What a search has spent and saved. Deterministic: a result counts as fresh when this job produced it
/// (its stored job id), whether or not the daemon restarted since.
package struct SearchCounters: Codable, Sendable, Equatable {
    /// Evaluations this job produced (full and subset).
    package var freshEvaluations = 0
    /// Evaluations reused from other jobs.
    package var reusedEvaluations = 0
    /// Subset (multi-fidelity) evaluations used.
    package var subsetEvaluations = 0
    /// Candidates promoted to the full prompt set after a subset evaluation.
    package var promoted = 0
    /// Images multi-fidelity saved against scoring every candidate on the full set.
    package var imagesSaved = 0
}
