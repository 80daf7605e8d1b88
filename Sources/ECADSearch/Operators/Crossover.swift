/// How two parents exchange bits.
public enum CrossoverKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Cut both parents at k distinct points and alternate segments (reference: 4 points).
    case kPoint = "k-point"
    /// Take each bit from either parent with probability ½.
    case uniform
}

/// A crossover operator: with probability ``probability`` two parents make two complementary
/// children, otherwise the children are copies of the parents.
public struct Crossover: Codable, Sendable, Equatable {
    /// Which operator.
    public var kind: CrossoverKind
    /// Cut points for ``CrossoverKind/kPoint`` (at most `length - 1` are used).
    public var points: Int
    /// Chance that a mating recombines at all.
    public var probability: Double
    /// For ``CrossoverKind/kPoint``: cut positions are multiples of this (1 cuts anywhere; a schedule's bits per
    /// step cuts only between whole denoising steps, since genomes are step-major).
    public var alignment: Int

    /// Creates an operator; throws unless `points ≥ 1`, `alignment ≥ 1` and `probability` is in [0, 1].
    public init(
        kind: CrossoverKind = .kPoint, points: Int = 4, probability: Double = 0.9, alignment: Int = 1
    ) throws(SearchError) {
        guard points >= 1 else {
            throw .invalidConfiguration("crossover points must be at least 1, got \(points)")
        }
        guard alignment >= 1 else {
            throw .invalidConfiguration("crossover alignment must be at least 1, got \(alignment)")
        }
        guard probability >= 0, probability <= 1 else {
            throw .invalidConfiguration("crossover probability must be in [0, 1], got \(probability)")
        }
        self.kind = kind
        self.points = points
        self.probability = probability
        self.alignment = alignment
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            kind: container.decode(CrossoverKind.self, forKey: .kind),
            points: container.decode(Int.self, forKey: .points),
            probability: container.decode(Double.self, forKey: .probability),
            alignment: container.decodeIfPresent(Int.self, forKey: .alignment) ?? 1
        )
    }

    /// Two children of `first` and `second` (same length). Draws one number for the probability
    /// test, then the operator's own draws.
    public func apply(_ first: Genome, _ second: Genome, using rng: inout Xoshiro256StarStar) -> (Genome, Genome) {
        precondition(first.count == second.count, "parents of different lengths")
        guard rng.nextBool(probability: probability), first.count > 1 else { return (first, second) }
        let mask = kind == .kPoint
            ? Self.segmentMask(length: first.count, points: points, alignment: alignment, using: &rng)
            : Self.uniformMask(length: first.count, using: &rng)
        return (first.blended(with: second, mask: mask), second.blended(with: first, mask: mask))
    }

    /// A mask whose bits switch between 0 and 1 at each of `points` distinct cut positions in 1..<length, each a
    /// multiple of `alignment` (with fewer than two aligned units there is no cut: the mask is empty).
    static func segmentMask(length: Int, points: Int, alignment: Int = 1, using rng: inout Xoshiro256StarStar) -> [UInt64] {
        let units = length / alignment
        let cutCount = min(points, max(0, units - 1))
        var cuts: Set<Int> = []
        var ordered: [Int] = []
        while ordered.count < cutCount {
            let cut = (1 + rng.nextIndex(below: units - 1)) * alignment
            if cuts.insert(cut).inserted { ordered.append(cut) }
        }
        ordered.sort()
        var mask = Genome(count: length)
        var taking = false
        var next = 0
        for index in 0..<length {
            if next < ordered.count, ordered[next] == index {
                taking.toggle()
                next += 1
            }
            if taking { mask[index] = true }
        }
        return mask.words
    }

    /// A uniformly random mask of `length` bits.
    static func uniformMask(length: Int, using rng: inout Xoshiro256StarStar) -> [UInt64] {
        Genome.random(count: length, using: &rng).words
    }
}
