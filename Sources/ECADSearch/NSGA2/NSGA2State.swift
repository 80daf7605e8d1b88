/// NSGA-II as an ask/tell state machine whose whole state is `Codable`.
///
/// Evaluation happens elsewhere (a worker process, a Slurm array). The caller:
/// 1. ``initialize(seeds:randomCount:)`` and evaluates the returned genomes,
/// 2. reports each result with ``tell(_:at:)`` as it arrives, in any order,
/// 3. when the batch is complete (rank-and-crowding survival runs automatically), asks
///    ``nextOffspring()`` for the next batch, and so on.
///
/// A checkpoint is the encoded state: population with objectives, the pending batch and the results
/// received so far, the generator state, the archive and the counters. Decoding it and continuing gives
/// the same sequence of batches, and the same fronts, as never stopping. Given the same seed and the same
/// results the state sequence is identical.
public struct NSGA2State: Codable, Sendable, Equatable {
    /// Where the state machine stands.
    public enum Phase: String, Codable, Sendable {
        /// ``initialize(seeds:randomCount:)`` has not run.
        case notStarted
        /// A batch is out for evaluation and some results are missing.
        case awaitingResults
        /// The population is evaluated; ``nextOffspring()`` makes the next batch.
        case readyForOffspring
    }

    /// Genome length and objective/constraint counts.
    public let shape: ProblemShape
    /// Algorithm settings.
    public let configuration: NSGA2Configuration
    /// The seed the generator started from (for provenance).
    public let seed: UInt64
    /// Offspring generations completed; 0 until the first offspring batch has been told.
    public internal(set) var generation: Int
    /// Survivors, each with its evaluation (empty until the initial batch is complete).
    public internal(set) var population: [EvaluatedGenome]
    /// The batch out for evaluation, in the order it was asked for.
    public internal(set) var pending: [Genome]
    /// Results received for ``pending``, by index.
    public internal(set) var results: [Evaluation?]
    /// Results told so far, over the whole run.
    public internal(set) var evaluationCount: Int
    /// Every genome ever asked for.
    public internal(set) var archive: GenomeArchive
    var rng: Xoshiro256StarStar
    var started: Bool

    /// A fresh search; nothing is drawn until ``initialize(seeds:randomCount:)``.
    public init(shape: ProblemShape, configuration: NSGA2Configuration, seed: UInt64) {
        self.shape = shape
        self.configuration = configuration
        self.seed = seed
        generation = 0
        population = []
        pending = []
        results = []
        evaluationCount = 0
        archive = GenomeArchive()
        rng = Xoshiro256StarStar(seed: seed)
        started = false
    }

    /// Decodes a checkpoint and checks that its parts fit together: genome lengths, result counts and
    /// values, and the phase.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shape = try container.decode(ProblemShape.self, forKey: .shape)
        configuration = try container.decode(NSGA2Configuration.self, forKey: .configuration)
        seed = try container.decode(UInt64.self, forKey: .seed)
        generation = try container.decode(Int.self, forKey: .generation)
        population = try container.decode([EvaluatedGenome].self, forKey: .population)
        pending = try container.decode([Genome].self, forKey: .pending)
        results = try container.decode([Evaluation?].self, forKey: .results)
        evaluationCount = try container.decode(Int.self, forKey: .evaluationCount)
        archive = try container.decode(GenomeArchive.self, forKey: .archive)
        rng = try container.decode(Xoshiro256StarStar.self, forKey: .rng)
        started = try container.decode(Bool.self, forKey: .started)
        try validate()
    }

    private func validate() throws(SearchError) {
        guard generation >= 0, evaluationCount >= 0 else { throw .invalidPhase("negative counters in the checkpoint") }
        guard results.count == pending.count else {
            throw .invalidPhase("checkpoint has \(results.count) result slots for \(pending.count) pending genomes")
        }
        guard started || (pending.isEmpty && population.isEmpty) else {
            throw .invalidPhase("checkpoint of an unstarted search holds genomes")
        }
        guard !started || !pending.isEmpty || !population.isEmpty else {
            throw .invalidPhase("checkpoint of a started search has neither a population nor a pending batch")
        }
        for genome in pending { try shape.validate(genome) }
        for member in population {
            try shape.validate(member.genome)
            try shape.validate(member.evaluation)
        }
        for case let evaluation? in results { try shape.validate(evaluation) }
    }

    /// The current phase.
    public var phase: Phase {
        if !started { return .notStarted }
        return pending.isEmpty ? .readyForOffspring : .awaitingResults
    }

    /// Indices into ``pending`` that still lack a result.
    public var missingIndices: [Int] {
        results.indices.filter { results[$0] == nil }
    }

    /// Feasible members of the population's first front, ordered by objectives (then genome),
    /// so equal states give equal fronts.
    public var front: [EvaluatedGenome] {
        let evaluations = population.map(\.evaluation)
        guard let first = NondominatedSort.fronts(evaluations).first else { return [] }
        return first.map { population[$0] }
            .filter { $0.evaluation.isFeasible }
            .sorted { lhs, rhs in
                if lhs.evaluation.objectives != rhs.evaluation.objectives {
                    return lhs.evaluation.objectives.lexicographicallyPrecedes(rhs.evaluation.objectives)
                }
                return lhs.genome.hex < rhs.genome.hex
            }
    }

    /// Starts the search: the distinct `seeds` (heuristic schedules, warm starts) in order, then random
    /// genomes. `randomCount` nil fills up to the population size. Returns the initial batch, which
    /// becomes ``pending``. Throws if already started, a seed has the wrong length, or the batch is empty.
    @discardableResult
    public mutating func initialize(seeds: [Genome], randomCount: Int? = nil) throws(SearchError) -> [Genome] {
        guard !started else { throw .invalidPhase("initialize(seeds:) called on a started search") }
        for seed in seeds { try shape.validate(seed) }
        var batch: [Genome] = []
        for seed in seeds where archive.insert(seed) { batch.append(seed) }
        let wanted = randomCount ?? max(0, configuration.populationSize - batch.count)
        guard wanted >= 0 else { throw .invalidConfiguration("randomCount must not be negative, got \(wanted)") }
        var attempts = 0
        let maxAttempts = wanted * configuration.maxDuplicateRounds
        var added = 0
        while added < wanted, attempts < maxAttempts {
            attempts += 1
            let genome = Genome.random(count: shape.genomeLength, using: &rng)
            if archive.insert(genome) {
                batch.append(genome)
                added += 1
            }
        }
        guard !batch.isEmpty else { throw .invalidConfiguration("the initial population is empty") }
        started = true
        pending = batch
        results = [Evaluation?](repeating: nil, count: batch.count)
        return batch
    }
}
