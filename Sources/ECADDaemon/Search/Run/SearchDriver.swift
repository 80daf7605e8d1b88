import ECADCore
import ECADSearch
import ECADStore
import Foundation

/// Runs a search generation by generation: ask the GA for a batch, score it (reusing stored
/// evaluations), tell the GA, save one checkpoint. Resumes from the newest checkpoint; a batch that was
/// in flight is asked for again (the GA returns the same genomes) and only its unstored candidates are
/// evaluated again.
package struct SearchDriver {
    /// Scores batches.
    package let batches: BatchEvaluator
    /// Initial-population seeds (heuristics, files, registry entries), as genomes.
    package let seeds: [Genome]
    /// Wall-clock deadline (`budgets.until`), if any. Checking it makes the run's length depend on time.
    package let deadline: Date?
    /// Called after each generation's checkpoint.
    package let onGeneration: @Sendable (SearchCheckpoint) async -> Void

    /// Creates a driver.
    package init(
        batches: BatchEvaluator, seeds: [Genome], deadline: Date?,
        onGeneration: @escaping @Sendable (SearchCheckpoint) async -> Void = { _ in }
    ) {
        self.batches = batches
        self.seeds = seeds
        self.deadline = deadline
        self.onGeneration = onGeneration
    }

    var plan: SearchPlan { batches.plan }

    /// Runs until a budget is reached; returns the final checkpoint (``SearchCheckpoint/stopReason`` set).
    /// - Throws: ``DaemonError/stopped`` as soon as ``BatchEvaluator/shouldStop`` says the job is being stopped.
    package func run() async throws -> SearchCheckpoint {
        var checkpoint = try await start()
        while checkpoint.stopReason == nil {
            if batches.shouldStop() { throw DaemonError.stopped }
            if checkpoint.state.phase == .readyForOffspring, let reason = stopReason(checkpoint) {
                checkpoint.stopReason = reason
            } else {
                try await advance(&checkpoint)
            }
            try await batches.persistence.saveCheckpoint(generation: checkpoint.state.generation, state: checkpoint.encoded())
            await onGeneration(checkpoint)
        }
        return checkpoint
    }

    /// The newest checkpoint, or a fresh search with its initial batch out.
    private func start() async throws -> SearchCheckpoint {
        if let data = try await batches.persistence.latestCheckpoint() {
            return try SearchCheckpoint.decode(data)
        }
        var state = NSGA2State(shape: plan.shape, configuration: plan.configuration, seed: UInt64(plan.spec.seed))
        try state.initialize(seeds: seeds, randomCount: plan.spec.initialization.random)
        let window = plan.spec.budgets.stagnation
        let detector = try window.generations.map { generations throws(SearchError) in
            try StagnationDetector(window: generations, epsilon: window.epsilon)
        }
        return SearchCheckpoint(state: state, stagnation: detector, counters: SearchCounters(), metrics: [:], front: [], hypervolume: 0)
    }

    /// The first budget reached, checked between generations.
    private func stopReason(_ checkpoint: SearchCheckpoint) -> String? {
        let budgets = plan.spec.budgets
        if budgets.generations > 0, checkpoint.state.generation >= budgets.generations { return "generations" }
        if let limit = budgets.evaluations, checkpoint.counters.freshEvaluations >= limit { return "evaluations" }
        if checkpoint.stagnation?.isStagnant == true { return "stagnation" }
        if let deadline, Date() >= deadline { return "until" }
        return nil
    }

    /// Scores the pending batch (asking for a new one first when none is out) and tells the GA.
    private func advance(_ checkpoint: inout SearchCheckpoint) async throws {
        let genomes = try nextBatch(&checkpoint)
        var batchMetrics: [String: MemberMetrics] = [:]
        if !genomes.isEmpty {
            let schedules = try genomes.map { genome throws(DaemonError) in try plan.codec.schedule(from: genome) }
            let scored = try await score(schedules, checkpoint: &checkpoint)
            var results: [Int: ECADSearch.Evaluation] = [:]
            for (index, metrics) in scored.enumerated() {
                batchMetrics[schedules[index].digest.hex] = metrics
                let objectives = plan.objectives(
                    reward: metrics.reward, macFraction: metrics.macFraction, latency: metrics.latencySeconds)
                let constraints: [Double] = plan.shape.constraintCount == 0 ? [] : [metrics.fullFidelity ? 0 : 1]
                results[index] = ECADSearch.Evaluation(objectives: objectives, constraints: constraints)
            }
            try checkpoint.state.tell(results: results)
            recordSamples(genomes, metrics: scored, in: &checkpoint)
        }
        var metrics: [String: MemberMetrics] = [:]
        for member in checkpoint.state.population {
            let digest = try plan.codec.schedule(from: member.genome).digest.hex
            metrics[digest] = batchMetrics[digest] ?? checkpoint.metrics[digest]
        }
        checkpoint.metrics = metrics
        let front = try SearchFront(checkpoint: checkpoint, codec: plan.codec)
        checkpoint.front = front.members.map(\.digest.hex)
        checkpoint.hypervolume = front.hypervolume
        _ = checkpoint.stagnation?.record(checkpoint.hypervolume)
        let counters = checkpoint.counters
        checkpoint.history = (checkpoint.history ?? []) + [GenerationFigures(
            generation: checkpoint.state.generation, hypervolume: front.hypervolume, bestReward: front.bestReward,
            evaluations: counters.freshEvaluations + counters.reusedEvaluations, cacheHits: counters.reusedEvaluations)]
    }

    /// The metrics of each schedule: on the full prompt set, with racing chunk by chunk (``race(_:race:checkpoint:)``),
    /// or with multi-fidelity (offspring only) on the subset first and on the full set for the promoted ones.
    private func score(_ schedules: [Schedule], checkpoint: inout SearchCheckpoint) async throws -> [MemberMetrics] {
        if let race = plan.race { return try await self.race(schedules, race: race, checkpoint: &checkpoint) }
        guard let subset = plan.subsetPrompts, !checkpoint.state.population.isEmpty else {
            let stored = try await batches.evaluate(schedules, prompts: plan.prompts, counters: &checkpoint.counters)
            return try zip(stored, schedules).map { try batches.metrics($0, schedule: $1, fullFidelity: true) }
        }
        let cheap = try await batches.evaluate(schedules, prompts: subset, counters: &checkpoint.counters)
        var metrics = try zip(cheap, schedules).map { try batches.metrics($0, schedule: $1, fullFidelity: false) }
        let estimates = metrics.map { plan.objectives(reward: $0.reward, macFraction: $0.macFraction, latency: $0.latencySeconds) }
        let promoted = MultiFidelityRule.promote(
            estimates: estimates, front: checkpoint.state.front.map(\.evaluation.objectives),
            promoteFraction: plan.spec.multiFidelity.promoteFraction)
        let full = try await batches.evaluate(promoted.map { schedules[$0] }, prompts: plan.prompts, counters: &checkpoint.counters)
        for (index, evaluation) in zip(promoted, full) {
            metrics[index] = try batches.metrics(evaluation, schedule: schedules[index], fullFidelity: true)
        }
        var counters = checkpoint.counters
        counters.subsetEvaluations += schedules.count
        counters.promoted += promoted.count
        let imagesPerPrompt = plan.seeds.count
        counters.imagesSaved += imagesPerPrompt
            * (schedules.count * plan.prompts.count - schedules.count * subset.count - promoted.count * plan.prompts.count)
        checkpoint.counters = counters
        return metrics
    }
}
