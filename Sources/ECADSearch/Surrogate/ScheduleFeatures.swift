/// Summary features of a caching schedule genome for the surrogate (``RidgeSurrogate``).
///
/// The genome is the step-major `[steps][blocks][components]` bit tensor (1 = compute, 0 = reuse the cache). Its
/// steps are split into `phases` contiguous groups; for each phase and component there are two features: the
/// fraction of cells cached, and the mean staleness of those cells (steps since the block's component last computed,
/// divided by the step count; the step before the genome's first always computes). Staleness is what a cached
/// output's error grows with, and early steps matter more than late ones, so a linear model on these few features
/// ranks schedules far better than one on the raw bits while it has only a population's worth of samples.
public struct ScheduleFeatures: Sendable, Equatable {
    /// Steps in the genome (rows).
    public let steps: Int
    /// Blocks per step.
    public let blocks: Int
    /// Components per block.
    public let components: Int
    /// Step groups (at most ``steps``).
    public let phases: Int

    /// Features for genomes of `steps × blocks × components` bits, in `phases` step groups (clamped to 1...steps).
    /// - Throws: ``SearchError/invalidConfiguration(_:)`` unless every size is positive.
    public init(steps: Int, blocks: Int, components: Int, phases: Int = 4) throws(SearchError) {
        guard steps > 0, blocks > 0, components > 0 else {
            throw .invalidConfiguration("schedule features need positive sizes, got \(steps)×\(blocks)×\(components)")
        }
        self.steps = steps
        self.blocks = blocks
        self.components = components
        self.phases = max(1, min(phases, steps))
    }

    /// Genome length these features read.
    public var genomeLength: Int { steps * blocks * components }

    /// Features per genome: `2 · phases · components`.
    public var count: Int { 2 * phases * components }

    /// The features of `genome`: cached fractions by (phase, component), then mean staleness by (phase, component).
    public func callAsFunction(_ genome: Genome) -> [Double] {
        precondition(genome.count == genomeLength, "genome of \(genome.count) bits for \(genomeLength)-bit features")
        var cached = [Double](repeating: 0, count: phases * components)
        var stale = [Double](repeating: 0, count: phases * components)
        var age = [Int](repeating: 0, count: blocks * components)
        for step in 0..<steps {
            let phase = step * phases / steps
            for block in 0..<blocks {
                for component in 0..<components {
                    let cell = block * components + component
                    let slot = phase * components + component
                    if genome[(step * blocks + block) * components + component] {
                        age[cell] = 0
                    } else {
                        age[cell] += 1
                        cached[slot] += 1
                        stale[slot] += Double(age[cell])
                    }
                }
            }
        }
        var features: [Double] = []
        features.reserveCapacity(count)
        for slot in cached.indices {
            features.append(cached[slot] / Double(cellsPerPhase(slot / components)))
        }
        for slot in stale.indices {
            features.append(stale[slot] / Double(cellsPerPhase(slot / components) * steps))
        }
        return features
    }

    /// Cells of one component in `phase` (its steps × blocks).
    private func cellsPerPhase(_ phase: Int) -> Int {
        let first = (phase * steps + phases - 1) / phases
        let end = ((phase + 1) * steps + phases - 1) / phases
        return max(1, end - first) * blocks
    }
}
