/// Bit-flip mutation: with probability ``probability`` a child is mutated, and then each of its bits
/// flips independently with ``rate``.
///
/// pymoo's `BitflipMutation(prob=p)`, as the reference used it, is `probability = p` with
/// `rate = min(0.5, 1/length)`; the classic NSGA-II setting is `probability = 1`.
public struct BitFlipMutation: Codable, Sendable, Equatable {
    /// Chance that a child is mutated at all.
    public var probability: Double
    /// Per-bit flip chance; nil means `min(0.5, 1 / length)`.
    public var rate: Double?

    /// Creates an operator; throws unless both values are in [0, 1].
    public init(probability: Double = 1, rate: Double? = nil) throws(SearchError) {
        guard probability >= 0, probability <= 1 else {
            throw .invalidConfiguration("mutation probability must be in [0, 1], got \(probability)")
        }
        if let rate, !(rate >= 0 && rate <= 1) {
            throw .invalidConfiguration("mutation rate must be in [0, 1], got \(rate)")
        }
        self.probability = probability
        self.rate = rate
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            probability: container.decode(Double.self, forKey: .probability),
            rate: container.decodeIfPresent(Double.self, forKey: .rate)
        )
    }

    /// The per-bit rate used for genomes of `length` bits.
    public func effectiveRate(length: Int) -> Double {
        rate ?? min(0.5, 1 / Double(max(length, 1)))
    }

    /// Mutates `genome` in place: one draw for the probability test, then one draw per bit.
    public func apply(_ genome: inout Genome, using rng: inout Xoshiro256StarStar) {
        guard rng.nextBool(probability: probability) else { return }
        let bitRate = effectiveRate(length: genome.count)
        for index in 0..<genome.count where rng.nextBool(probability: bitRate) {
            genome.flip(index)
        }
    }
}
