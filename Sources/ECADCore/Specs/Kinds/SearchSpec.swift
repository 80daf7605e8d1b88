/// A `kind = "search"` job: an NSGA-II search for caching schedules of one model.
/// Every field is optional; docs/job-specs.md lists them with their defaults.
public struct SearchSpec: Sendable, Equatable {
    /// An objective of the search (all are optimized jointly; reward is maximized, costs minimized).
    public enum Objective: String, Sendable, Equatable, CaseIterable {
        /// Mean prompt-alignment reward over the calibration prompts.
        case reward
        /// Multiply-accumulates of the computed components.
        case macs
        /// Measured wall-clock latency.
        case latency
    }

    /// Optional job name. Default nil.
    public var name: String?
    /// Model, backend, calibration prompts (default `{ set = "calibration" }`), seeds and sampler.
    public var setup: RunSetup
    /// Population size; nil means 24 for `shapes*` models and 72 (the reference) otherwise.
    public var population: Int?
    /// Variation operators.
    public var operators: Operators
    /// Objectives. Default `["reward", "macs"]`; at least two, each once.
    public var objectives: [Objective]
    /// Initial population.
    public var initialization: Initialization
    /// When to stop.
    public var budgets: Budgets
    /// Cheap first-pass evaluation on a prompt subset.
    public var multiFidelity: MultiFidelity
    /// Strategies beyond plain NSGA-II (racing over prompt chunks).
    public var strategy: Strategy
    /// Seed of the search's random number generator. Default 0.
    public var seed: Int
    /// Publishing of the final front to the registry.
    public var publish: Publish

    /// The population size in effect (see ``population``).
    public var resolvedPopulation: Int {
        population ?? (setup.model.hasPrefix("shapes") ? 24 : 72)
    }

    init(from fields: inout SpecFields) throws(SpecError) {
        name = try fields.optional("name", SpecRead.nonEmptyString)
        setup = try RunSetup(from: &fields, defaultPrompts: .set("calibration"))
        population = try fields.optionalBounded("population", limit: \.population)
        operators = try fields.section("operators") { fields throws(SpecError) in try Operators(from: &fields) }
        let objectivesPath = fields.path(of: "objectives")
        objectives = try fields.read("objectives", default: [.reward, .macs], SpecRead.distinctChoices)
        guard objectives.count >= 2 else {
            throw .field(objectivesPath, "expected at least two objectives, got \(objectives.map(\.rawValue))")
        }
        initialization = try fields.section("init") { fields throws(SpecError) in try Initialization(from: &fields) }
        budgets = try fields.section("budgets") { fields throws(SpecError) in try Budgets(from: &fields) }
        multiFidelity = try fields.section("multi_fidelity") { fields throws(SpecError) in
            try MultiFidelity(from: &fields)
        }
        let strategyPath = fields.path(of: "strategy")
        strategy = try fields.section("strategy") { fields throws(SpecError) in try Strategy(from: &fields) }
        if strategy.racing, multiFidelity.enabled {
            throw .field("\(strategyPath).racing", "racing and [multi_fidelity] both screen on part of the prompts; enable one")
        }
        seed = try fields.read("seed", default: 0, SpecRead.nonNegative)
        publish = try fields.section("publish") { fields throws(SpecError) in try Publish(from: &fields) }
    }
}
