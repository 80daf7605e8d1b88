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
        switch phase {
        case .notStarted:
            throw .invalidPhase("nextOffspring() called before initialize(seeds:)")
        case .awaitingResults:
            return pending
        case .readyForOffspring:
            break
        }
        let ranking = Ranking(population.map(\.evaluation))
        let wanted = configuration.offspringCount
        var batch: [Genome] = []
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
                for child in [first, second] where batch.count < wanted && archive.insert(child) {
                    batch.append(child)
                }
            }
        }
        if batch.isEmpty {
            generation += 1
            return []
        }
        pending = batch
        results = [Evaluation?](repeating: nil, count: batch.count)
        return batch
    }
}
