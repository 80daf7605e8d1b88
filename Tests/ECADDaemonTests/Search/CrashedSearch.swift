@testable import ECADDaemon
import ECADSearch

/// A search run to its end through seeded simulated crashes (``ToyEvaluator`` throwing ``SimulatedCrash`` after a
/// random number of schedules), each restart resuming from the store: what the strategies' determinism tests share.
struct CrashedSearch {
    /// The final checkpoint.
    var final: SearchCheckpoint
    /// Restarts it took.
    var interruptions: Int
    /// Schedules asked for over every attempt.
    var requested: Int
    /// Schedules asked for again after having been asked once (by digest and prompt count).
    var reevaluations: Int
    /// Times each (digest, prompt count) was asked for, over every attempt.
    var seen: [String: Int] = [:]

    /// Runs `plan` on a fresh store, crashing after 1...12 schedules per attempt (drawn from `seed`), until it ends.
    static func run(_ plan: SearchPlan, seed: UInt64, chunk: Int = 3) async throws -> CrashedSearch {
        var rng = Xoshiro256StarStar(seed: seed)
        let (store, job) = try await SearchFixture.store()
        var interruptions = 0, requested = 0, reevaluations = 0
        var seen: [String: Int] = [:]
        while true {
            let evaluator = ToyEvaluator(limit: 1 + rng.nextIndex(below: 12))
            var final: SearchCheckpoint?
            do {
                final = try await SearchFixture.run(plan, store: store, job: job, evaluator: evaluator, chunkSize: chunk)
            } catch is SimulatedCrash {
                interruptions += 1
            }
            requested += evaluator.evaluations
            for (key, count) in evaluator.counts {
                reevaluations += seen[key] == nil ? count - 1 : count
                seen[key, default: 0] += count
            }
            if let final {
                return CrashedSearch(
                    final: final, interruptions: interruptions, requested: requested, reevaluations: reevaluations, seen: seen)
            }
            guard interruptions < 500 else { throw SimulatedCrash() }
        }
    }
}
