extension SearchSpec {
    /// `[operators]`: crossover and mutation.
    public struct Operators: Sendable, Equatable {
        /// Crossover operator.
        public enum Crossover: String, Sendable, Equatable, CaseIterable {
            /// Cut at `points` positions and alternate segments.
            case kPoint = "k-point"
            /// Each bit from either parent.
            case uniform
            /// K-point with cuts only between whole denoising steps (structure-aware).
            case stepKPoint = "step-k-point"
        }

        /// Default `"k-point"`.
        public var crossover: Crossover
        /// Cut points for k-point crossover. Default 4.
        public var points: Int
        /// Chance a mating recombines. Default 0.9.
        public var crossoverProbability: Double
        /// Chance a child is mutated at all. Default 1.0 (the reference used pymoo's 0.05).
        public var mutationProbability: Double
        /// Per-bit flip chance; nil means 1 / schedule length. Default nil.
        public var mutationRate: Double?

        init(from fields: inout SpecFields) throws(SpecError) {
            crossover = try fields.read("crossover", default: .kPoint, SpecRead.choice)
            points = try fields.bounded("points", default: 4, limit: \.crossoverPoints)
            crossoverProbability = try fields.read("crossover_prob", default: 0.9, SpecRead.probability)
            mutationProbability = try fields.read("mutation_prob", default: 1.0, SpecRead.probability)
            mutationRate = try fields.optional("mutation_rate", SpecRead.probability)
        }
    }

    /// `[init]`: where the initial population comes from, in this order, duplicates dropped.
    public struct Initialization: Sendable, Equatable {
        /// Heuristic schedules, `family:key=value,...` (e.g. `"fora:n=2"`). Default [].
        public var heuristics: [String]
        /// Registry names, aliases or digests (warm start). Default [].
        public var registry: [String]
        /// Schedule files (read by the daemon only under its shared roots). Default [].
        public var files: [String]
        /// Schedule files' contents (ecad or reference JSON), inline: how the CLI sends `files`. Default [].
        public var documents: [String]
        /// Random schedules added; nil fills up to the population size. Default nil.
        public var random: Int?

        init(from fields: inout SpecFields) throws(SpecError) {
            heuristics = try fields.list("heuristics", default: [], limit: \.schedules, HeuristicName.read)
            registry = try fields.list("registry", default: [], limit: \.schedules, SpecRead.nonEmptyString)
            files = try fields.list("files", default: [], limit: \.schedules, SpecRead.nonEmptyString)
            documents = try fields.list("documents", default: [], limit: \.schedules, SpecRead.nonEmptyString)
            random = try fields.optionalBounded("random", minimum: 0, limit: \.population)
        }
    }

    /// `[multi_fidelity]`: score every candidate on a prompt subset first and only the most
    /// promising on the full calibration set.
    public struct MultiFidelity: Sendable, Equatable {
        /// Default false.
        public var enabled: Bool
        /// Prompts in the cheap subset (the first N). Default 16.
        public var subsetPrompts: Int
        /// Share of each generation's candidates re-scored on the full set. Default 0.25.
        public var promoteFraction: Double

        init(from fields: inout SpecFields) throws(SpecError) {
            enabled = try fields.read("enabled", default: false, SpecRead.bool)
            subsetPrompts = try fields.bounded("subset_prompts", default: 16, limit: \.prompts)
            promoteFraction = try fields.read("promote_fraction", default: 0.25) { value, path throws(SpecError) in
                try SpecRead.number(value, path, in: 0.01...1)
            }
        }
    }

    /// `[strategy]`: how the search spends images beyond plain NSGA-II (docs/search.md, "Strategies").
    public struct Strategy: Sendable, Equatable {
        /// Score candidates one prompt chunk at a time and drop those clearly beaten by the front (racing).
        /// Default false.
        public var racing: Bool
        /// Chunks the calibration prompts are split into for racing, 2...64 and at most the prompt count. Default 4.
        public var raceChunks: Int
        /// Paired mean-reward margin by which a front member must beat a candidate (at no higher MAC fraction) to
        /// put it out of the race, 0...1. Default 0.02.
        public var raceMargin: Double
        /// Breed a pool of children and evaluate only those a surrogate fitted on every candidate so far predicts
        /// best (surrogate screening). Default false.
        public var surrogate: Bool
        /// Pool size as a multiple of the offspring count, 2...16. Default 4.
        public var surrogatePool: Int

        init(from fields: inout SpecFields) throws(SpecError) {
            racing = try fields.read("racing", default: false, SpecRead.bool)
            raceChunks = try fields.read("race_chunks", default: 4) { value, path throws(SpecError) in
                try SpecRead.integer(value, path, in: 2...64, limit: "race chunks")
            }
            raceMargin = try fields.read("race_margin", default: 0.02) { value, path throws(SpecError) in
                try SpecRead.number(value, path, in: 0...1)
            }
            surrogate = try fields.read("surrogate", default: false, SpecRead.bool)
            surrogatePool = try fields.read("surrogate_pool", default: 4) { value, path throws(SpecError) in
                try SpecRead.integer(value, path, in: 2...16, limit: "surrogate pool")
            }
        }
    }

    /// `[publish]`: what happens to the final front.
    public struct Publish: Sendable, Equatable {
        /// Publish the front to the registry when the search completes. Default true.
        public var enabled: Bool
        /// Registry name for the front; nil means `<model>/<job name or id>`. Default nil.
        public var name: String?

        init(from fields: inout SpecFields) throws(SpecError) {
            enabled = try fields.read("enabled", default: true, SpecRead.bool)
            name = try fields.optional("name", SpecRead.nonEmptyString)
        }
    }
}
