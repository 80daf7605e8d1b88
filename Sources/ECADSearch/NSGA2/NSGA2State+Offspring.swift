extension NSGA2State {
    /// The batch to evaluate next.
    ///
    /// While a batch is out this returns it unchanged (so a restarted caller gets the same genomes back).
    /// Otherwise it breeds a new one: binary tournaments by rank then crowding pick two parents, crossover
    /// makes two children, each is mutated, and a child already in the archive (population, earlier
    /// batches, this batch) is dropped. Mating rounds repeat until ``NSGA2Configuration/offspringCount``
    /// unique children exist or ``NSGA2Configuration/maxDuplicateRounds`` rounds have run, so a batch may
    /// be short. An empty batch (nothing new could be bred) still counts as a generation.
    public mutating func nextOffspring() throws(SearchError) -> [Genome] {
        try nextOffspring(poolFactor: 1) { pool throws(SearchError) in Array(pool.indices) }
    }

    /// The batch to evaluate next, screened: breeds `poolFactor` times ``NSGA2Configuration/offspringCount``
    /// unique children the same way as ``nextOffspring()``, and `screen` picks the ones to evaluate (indices into
    /// the pool, at most the offspring count; they form the batch in pool order). Only picked children enter the
    /// archive, so an unpicked one may be bred and picked later. While a batch is out this returns it unchanged
    /// without calling `screen`.
    /// - Throws: ``SearchError/invalidConfiguration(_:)`` for a factor below 1 or a pick out of range, repeated, or
    ///   beyond the offspring count.
    public mutating func nextOffspring(
        poolFactor: Int, screen: ([Genome]) throws(SearchError) -> [Int]
    ) throws(SearchError) -> [Genome] {
        switch phase {
        case .notStarted:
            throw .invalidPhase("nextOffspring() called before initialize(seeds:)")
        case .awaitingResults:
            return pending
        case .readyForOffspring:
            break
        }
        guard poolFactor >= 1 else { throw .invalidConfiguration("pool factor must be at least 1, got \(poolFactor)") }
        let pool = breed(configuration.offspringCount * poolFactor)
        let picked = pool.isEmpty ? [] : try screen(pool)
        guard picked.count <= configuration.offspringCount, Set(picked).count == picked.count,
              picked.allSatisfy(pool.indices.contains) else {
            throw .invalidConfiguration("the screen picked \(picked.count) children from a pool of \(pool.count) (at most \(configuration.offspringCount), each once)")
        }
        let batch = picked.sorted().map { pool[$0] }
        for child in batch { archive.insert(child) }
        if batch.isEmpty {
            generation += 1
            return []
        }
        pending = batch
        results = [Evaluation?](repeating: nil, count: batch.count)
        return batch
    }

    /// Up to `wanted` distinct children not in the archive, in the order bred.
    private mutating func breed(_ wanted: Int) -> [Genome] {
        let ranking = Ranking(population.map(\.evaluation))
        var batch: [Genome] = []
        var seen: Set<Genome> = []
        var rounds = 0
        while batch.count < wanted, rounds < configuration.maxDuplicateRounds {
            rounds += 1
            let matings = (wanted - batch.count + 1) / 2
            for _ in 0..<matings {
                let mother = population[ranking.tournament(using: &rng)].genome
                let father = population[ranking.tournament(using: &rng)].genome
                var (first, second) = configuration.crossover.apply(mother, father, using: &rng)
                configuration.mutation.apply(&first, using: &rng)
                configuration.mutation.apply(&second, using: &rng)
                for child in [first, second] where batch.count < wanted && !archive.contains(child) && seen.insert(child).inserted {
                    batch.append(child)
                }
            }
        }
        return batch
    }
}
