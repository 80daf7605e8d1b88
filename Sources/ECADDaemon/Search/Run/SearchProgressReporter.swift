import Synchronization
import ECADAPI
import ECADCore
import Foundation

/// Turns a checkpoint into the progress snapshot `ecad watch` shows, with an ETA from the generation
/// budget and the pace of the generations run by this process.
package final class SearchProgressReporter: Sendable {
    private let budgets: SearchSpec.Budgets
    private let started: Date
    private let firstGeneration = Mutex<Int?>(nil)

    /// A reporter for a run that (re)started at `started`.
    package init(budgets: SearchSpec.Budgets, started: Date) {
        self.budgets = budgets
        self.started = started
    }

    /// The snapshot after `checkpoint`.
    package func view(checkpoint: SearchCheckpoint, front: SearchFront) -> JobProgressView {
        let generation = checkpoint.state.generation
        let first = firstGeneration.withLock { value in
            if value == nil { value = generation }
            return value ?? generation
        }
        var eta: Double?
        let done = generation - first
        if budgets.generations > 0, done > 0 {
            let perGeneration = Date().timeIntervalSince(started) / Double(done)
            eta = perGeneration * Double(max(budgets.generations - generation, 0))
        }
        let counters = checkpoint.counters
        var message = "generation \(generation): \(front.members.count) on the front"
        if counters.imagesSaved != 0 { message += ", \(counters.imagesSaved) images saved (racing or multi-fidelity)" }
        if let reason = checkpoint.stopReason { message += ", stopped (\(reason))" }
        return JobProgressView(
            generation: generation, generations: budgets.generations > 0 ? budgets.generations : nil,
            evaluations: counters.freshEvaluations + counters.reusedEvaluations, cacheHits: counters.reusedEvaluations,
            bestReward: front.bestReward, hypervolume: checkpoint.hypervolume, etaSeconds: eta, message: message)
    }
}
