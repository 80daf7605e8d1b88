import ECADCore
import ECADSearch
import ECADStore
import ECADWorkerProtocol

/// Everything a search needs that follows from its spec and model, fixed for the whole run: prompts,
/// seeds, sampler, objectives, GA settings, and how evaluation keys are made.
package struct SearchPlan: Sendable {
    /// The spec.
    package let spec: SearchSpec
    /// The model.
    package let model: SearchModel
    /// Genome ↔ schedule mapping for the model at the sampler's step count.
    package let codec: ScheduleGenomeCodec
    /// Calibration prompts (full fidelity).
    package let prompts: [String]
    /// The cheap subset for multi-fidelity (the first `subset_prompts`), nil when multi-fidelity is off.
    package let subsetPrompts: [String]?
    /// Racing over prompt chunks (`[strategy] racing`), nil when off.
    package let race: PromptRace?
    /// The calibration prompts split into the race's chunks, in order (empty when racing is off).
    package let raceChunks: [[String]]
    /// Surrogate screening of offspring (`[strategy] surrogate`), nil when off.
    package let surrogate: SurrogateScreen?
    /// Image seeds.
    package let seeds: [UInt64]
    /// Sampler as sent to the worker.
    package let sampler: SamplerSettings
    /// GA settings and problem shape.
    package let configuration: NSGA2Configuration
    /// Genome length, objective count, and one constraint when multi-fidelity or racing is on (a candidate scored
    /// on part of the prompts is infeasible; see ``MultiFidelityRule`` and ``PromptRace``).
    package let shape: ProblemShape
    /// MACs of the uncached schedule (linear + attention scores).
    package let uncachedMACs: Double
    /// Metric implementation versions that key evaluations.
    package static let metricVersions = ["reward": "1", "macs": "1", "latency": "1"]

    /// Builds the plan.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the field.
    package init(spec: SearchSpec, model: SearchModel, prompts: [String]) throws(DaemonError) {
        self.spec = spec
        self.model = model
        self.prompts = prompts
        codec = try ScheduleGenomeCodec(steps: spec.setup.sampler.steps, layout: model.config.layout)
        let fidelity = spec.multiFidelity
        subsetPrompts = fidelity.enabled && fidelity.subsetPrompts < prompts.count
            ? Array(prompts.prefix(fidelity.subsetPrompts)) : nil
        (race, raceChunks) = try Self.race(spec.strategy, prompts: prompts)
        seeds = spec.setup.seeds.map { UInt64($0) }
        surrogate = try Self.surrogate(spec.strategy, codec: codec)
        let setup = spec.setup.sampler
        sampler = SamplerSettings(name: setup.name, steps: setup.steps, guidance: setup.guidance)
        do {
            let operators = spec.operators
            let kind: CrossoverKind = operators.crossover == .uniform ? .uniform : .kPoint
            configuration = try NSGA2Configuration(
                populationSize: spec.resolvedPopulation,
                crossover: Crossover(
                    kind: kind, points: operators.points, probability: operators.crossoverProbability,
                    alignment: operators.crossover == .stepKPoint ? codec.bitsPerStep : 1),
                mutation: BitFlipMutation(probability: operators.mutationProbability, rate: operators.mutationRate))
            shape = try ProblemShape(
                genomeLength: codec.genomeLength, objectiveCount: spec.objectives.count,
                constraintCount: subsetPrompts == nil && race == nil ? 0 : 1)
            let uncached = try model.config.uncachedSchedule(steps: setup.steps)
            uncachedMACs = Double(try CostModel(config: model.config).totalMACs(uncached).total)
        } catch {
            throw .invalidSpec(field: "search", message: "\(error)")
        }
    }

    /// The race and its prompt chunks for `strategy`, or (nil, []) when racing is off.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `search.strategy.race_chunks` when there are more
    ///   chunks than prompts.
    private static func race(
        _ strategy: SearchSpec.Strategy, prompts: [String]
    ) throws(DaemonError) -> (PromptRace?, [[String]]) {
        guard strategy.racing else { return (nil, []) }
        guard strategy.raceChunks <= prompts.count else {
            throw .invalidSpec(
                field: "search.strategy.race_chunks",
                message: "\(strategy.raceChunks) chunks for \(prompts.count) prompts; use at most one chunk per prompt")
        }
        do {
            let race = try PromptRace(chunkCount: strategy.raceChunks, margin: strategy.raceMargin)
            return (race, race.chunks(itemCount: prompts.count).map { Array(prompts[$0]) })
        } catch {
            throw .invalidSpec(field: "search.strategy", message: error.description)
        }
    }

    /// The offspring screen for `strategy`, or nil when `surrogate` is off.
    private static func surrogate(_ strategy: SearchSpec.Strategy, codec: ScheduleGenomeCodec) throws(DaemonError) -> SurrogateScreen? {
        guard strategy.surrogate else { return nil }
        do {
            return SurrogateScreen(features: try ScheduleFeatures(
                steps: codec.steps - 1, blocks: codec.layout.blockCount, components: codec.layout.componentsPerBlock))
        } catch {
            throw .invalidSpec(field: "search.strategy.surrogate", message: "\(error)")
        }
    }

    /// The sampler part of an evaluation key, e.g. `dpm-solver++-2m/20/cfg4.5`.
    package var samplerKey: String { "\(sampler.name)/\(sampler.steps)/cfg\(sampler.guidance)" }

    /// The key of `schedule` evaluated on `prompts` under this plan.
    package func key(for schedule: Schedule, prompts: [String], modelDigest: String) -> EvaluationKey {
        EvaluationKey(
            modelDigest: modelDigest, scheduleDigest: schedule.digest.hex, promptSetDigest: SearchPrompts.digest(prompts),
            seeds: seeds, sampler: samplerKey, metricVersions: Self.metricVersions)
    }

    /// MACs of `schedule` as a fraction of the uncached schedule's (from the analytic cost model, so the
    /// objective does not depend on the worker).
    package func macFraction(_ schedule: Schedule) throws(DaemonError) -> Double {
        do {
            return Double(try CostModel(config: model.config).totalMACs(schedule).total) / uncachedMACs
        } catch {
            throw .invalidSpec(field: "search.model", message: error.description)
        }
    }

    /// The minimized objectives, in the spec's order: `-mean reward`, MAC fraction, latency seconds.
    package func objectives(reward: Double, macFraction: Double, latency: Double) -> [Double] {
        spec.objectives.map { objective in
            switch objective {
            case .reward: -reward
            case .macs: macFraction
            case .latency: latency
            }
        }
    }
}
