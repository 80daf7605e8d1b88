import ECADCore
import ECADSearch

extension SearchDriver {
    /// The next batch: plain NSGA-II offspring, or with `[strategy] surrogate` the children the surrogate picks from a
    /// pool of `surrogate_pool` times the offspring count, ranked by predicted reward against exact MAC fraction
    /// (``SurrogateScreen``). The surrogate learns from ``SearchCheckpoint/samples`` only, so a resumed search picks
    /// the same children.
    func nextBatch(_ checkpoint: inout SearchCheckpoint) throws -> [Genome] {
        guard let screen = plan.surrogate else { return try checkpoint.state.nextOffspring() }
        let samples = checkpoint.samples ?? []
        let count = plan.configuration.offspringCount
        return try checkpoint.state.nextOffspring(poolFactor: plan.spec.strategy.surrogatePool) { pool throws(SearchError) in
            let costs: [Double]
            do {
                costs = try pool.map { genome throws(DaemonError) in try plan.macFraction(plan.codec.schedule(from: genome)) }
            } catch {
                throw .invalidConfiguration("surrogate screen: \(error)")
            }
            return try screen.pick(pool, costs: costs, samples: samples, count: count)
        }
    }

    /// Adds the scored batch to the surrogate's samples (only when the surrogate is on).
    func recordSamples(_ genomes: [Genome], metrics: [MemberMetrics], in checkpoint: inout SearchCheckpoint) {
        guard plan.surrogate != nil else { return }
        checkpoint.samples = (checkpoint.samples ?? [])
            + zip(genomes, metrics).map { SurrogateSample(genome: $0, reward: $1.reward) }
    }
}
