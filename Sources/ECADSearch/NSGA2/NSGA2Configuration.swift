/// NSGA-II settings. Defaults follow the reference run (population 72, 4-point crossover with
/// probability 0.9, duplicates eliminated with up to 100 mating rounds) except mutation, which
/// defaults to the classic NSGA-II setting (every child, rate 1/length; the reference used
/// pymoo's weaker `probability = 0.05`).
public struct NSGA2Configuration: Codable, Sendable, Equatable {
    /// Survivors kept each generation (μ).
    public var populationSize: Int
    /// Offspring asked for each generation (λ); duplicate elimination may yield fewer.
    public var offspringCount: Int
    /// Recombination operator.
    public var crossover: Crossover
    /// Mutation operator.
    public var mutation: BitFlipMutation
    /// Mating rounds tried per generation before settling for fewer unique offspring.
    public var maxDuplicateRounds: Int

    /// Creates a configuration; throws unless the sizes and round count are positive.
    /// `offspringCount` defaults to `populationSize`.
    public init(
        populationSize: Int = 72,
        offspringCount: Int? = nil,
        crossover: Crossover? = nil,
        mutation: BitFlipMutation? = nil,
        maxDuplicateRounds: Int = 100
    ) throws(SearchError) {
        guard populationSize > 0 else {
            throw .invalidConfiguration("populationSize must be positive, got \(populationSize)")
        }
        let offspring = offspringCount ?? populationSize
        guard offspring > 0 else {
            throw .invalidConfiguration("offspringCount must be positive, got \(offspring)")
        }
        guard maxDuplicateRounds > 0 else {
            throw .invalidConfiguration("maxDuplicateRounds must be positive, got \(maxDuplicateRounds)")
        }
        self.populationSize = populationSize
        self.offspringCount = offspring
        if let crossover { self.crossover = crossover } else { self.crossover = try Crossover() }
        if let mutation { self.mutation = mutation } else { self.mutation = try BitFlipMutation() }
        self.maxDuplicateRounds = maxDuplicateRounds
    }

    /// Decodes and validates (a damaged checkpoint is an error, not a crash later).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            populationSize: container.decode(Int.self, forKey: .populationSize),
            offspringCount: container.decode(Int.self, forKey: .offspringCount),
            crossover: container.decode(Crossover.self, forKey: .crossover),
            mutation: container.decode(BitFlipMutation.self, forKey: .mutation),
            maxDuplicateRounds: container.decode(Int.self, forKey: .maxDuplicateRounds)
        )
    }
}
