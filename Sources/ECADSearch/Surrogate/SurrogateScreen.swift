/// Surrogate screening of offspring (`[strategy] surrogate`): of a pool of bred children, keep the ones a ridge
/// model fitted on every candidate evaluated so far predicts to be best, before any image is generated for them.
///
/// Each child gets predicted objectives (−predicted reward, exact cost): the cost (MAC fraction) is known from the
/// schedule, only the reward is predicted. The children kept are the best `count` by non-dominated rank and
/// crowding over those predictions (``Ranking/survivors(_:)``), so the batch spreads along the predicted front
/// instead of crowding at one cost. Deterministic: it depends only on the samples (in order), the pool and the costs.
public struct SurrogateScreen: Sendable, Equatable {
    /// What the model sees of a genome.
    public let features: ScheduleFeatures
    /// Ridge penalty.
    public let lambda: Double
    /// Below this many samples the screen keeps the first children bred (no model yet).
    public let minimumSamples: Int

    /// A screen over `features` with ridge penalty `lambda` (default 0.1: the features lie in [0, 1], so this
    /// shrinks weights the samples barely determine and fades as samples accumulate).
    public init(features: ScheduleFeatures, lambda: Double = 0.1, minimumSamples: Int = 4) {
        self.features = features
        self.lambda = lambda
        self.minimumSamples = minimumSamples
    }

    /// Indices into `pool` of the children to evaluate, at most `count`, ascending.
    /// - Parameters:
    ///   - pool: the bred children.
    ///   - costs: each child's exact cost (same order as `pool`).
    ///   - samples: every evaluated candidate so far with its reward, in evaluation order.
    /// - Throws: ``SearchError/invalidConfiguration(_:)`` when costs and pool differ in length or a sample or child
    ///   has the wrong genome length.
    public func pick(_ pool: [Genome], costs: [Double], samples: [SurrogateSample], count: Int) throws(SearchError) -> [Int] {
        guard costs.count == pool.count else {
            throw .invalidConfiguration("\(costs.count) costs for a pool of \(pool.count)")
        }
        let length = features.genomeLength
        guard pool.allSatisfy({ $0.count == length }), samples.allSatisfy({ $0.genome.count == length }) else {
            throw .invalidConfiguration("surrogate genomes must have \(length) bits")
        }
        guard pool.count > count, samples.count >= minimumSamples else { return Array(pool.indices.prefix(count)) }
        let model = try RidgeSurrogate(
            features: samples.map { features($0.genome) }, targets: samples.map(\.reward), lambda: lambda)
        let predicted = zip(pool, costs).map { child, cost in
            Evaluation(objectives: [-model.predict(features(child)), cost])
        }
        return Ranking(predicted).survivors(count).sorted()
    }
}
