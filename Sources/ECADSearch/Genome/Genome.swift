/// A fixed-length bit string: the search's candidate solution.
///
/// Bits are packed 64 to a word, bit `i` in word `i / 64` at position `i % 64`. Unused high bits of
/// the last word are always zero, so equal bit strings compare and hash equal.
public struct Genome: Hashable, Sendable {
    /// Number of bits.
    public let count: Int
    /// Packed bits, `(count + 63) / 64` words.
    public private(set) var words: [UInt64]

    /// An all-zero genome of `count` bits.
    public init(count: Int) {
        precondition(count >= 0, "a genome cannot have a negative length")
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// A genome holding `bits` in order.
    public init(bits: [Bool]) {
        self.init(count: bits.count)
        for (index, bit) in bits.enumerated() where bit {
            self[index] = true
        }
    }

    /// A genome from packed words; throws if the word count does not fit `count` or padding bits are set.
    public init(count: Int, words: [UInt64]) throws(SearchError) {
        guard count >= 0, words.count == (count + 63) / 64 else {
            throw .invalidGenome("\(words.count) words cannot hold exactly \(count) bits")
        }
        if count % 64 != 0, let last = words.last, last >> UInt64(count % 64) != 0 {
            throw .invalidGenome("bits beyond the length \(count) are set")
        }
        self.count = count
        self.words = words
    }

    /// A genome of `count` uniformly random bits.
    public static func random(count: Int, using rng: inout Xoshiro256StarStar) -> Genome {
        var genome = Genome(count: count)
        for index in genome.words.indices {
            genome.words[index] = rng.next()
        }
        genome.clearPadding()
        return genome
    }

    /// Bit `index` (0-based).
    public subscript(index: Int) -> Bool {
        get {
            precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
            return words[index >> 6] >> UInt64(index & 63) & 1 == 1
        }
        set {
            precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
            let mask: UInt64 = 1 << UInt64(index & 63)
            if newValue {
                words[index >> 6] |= mask
            } else {
                words[index >> 6] &= ~mask
            }
        }
    }

    /// Inverts bit `index`.
    public mutating func flip(_ index: Int) {
        precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
        words[index >> 6] ^= 1 << UInt64(index & 63)
    }

    /// All bits in order.
    public var bits: [Bool] { (0..<count).map { self[$0] } }

    /// Number of set bits.
    public var onesCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Number of positions where `self` and `other` differ; both must have the same length.
    public func hammingDistance(to other: Genome) -> Int {
        precondition(count == other.count, "genomes of different lengths")
        return zip(words, other.words).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
    }

    /// Bits taken from `other` where `mask` is set and from `self` elsewhere.
    func blended(with other: Genome, mask: [UInt64]) -> Genome {
        var child = self
        for index in child.words.indices {
            child.words[index] = (words[index] & ~mask[index]) | (other.words[index] & mask[index])
        }
        return child
    }

    private mutating func clearPadding() {
        let used = count % 64
        if used != 0, !words.isEmpty {
            words[words.count - 1] &= (1 << UInt64(used)) &- 1
        }
    }
}

extension Genome: CustomStringConvertible {
    /// The bits as a string of `0` and `1`.
    public var description: String {
        String(bits.map { $0 ? "1" : "0" })
    }
}
