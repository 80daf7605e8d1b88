/// xoshiro256** (Blackman and Vigna): the search's only random number generator.
///
/// Its whole state is four words, saved and restored exactly through `Codable` (as hex strings,
/// so JSON round trips are exact), so a search resumed from a checkpoint draws the same numbers
/// as one that never stopped. The search never uses `SystemRandomNumberGenerator`.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose state is expanded from `seed` with ``SplitMix64``.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Creates a generator from an explicit state; throws if all four words are zero
    /// (the one state xoshiro cannot leave).
    public init(state: [UInt64]) throws(SearchError) {
        guard state.count == 4 else {
            throw .invalidRandomState("expected 4 words, got \(state.count)")
        }
        guard state.contains(where: { $0 != 0 }) else {
            throw .invalidRandomState("the all-zero state is not allowed")
        }
        s0 = state[0]
        s1 = state[1]
        s2 = state[2]
        s3 = state[3]
    }

    /// The four state words, in order.
    public var state: [UInt64] { [s0, s1, s2, s3] }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) built from the top 53 bits of one draw.
    ///
    /// Defined here rather than through `Double.random(in:using:)` so the sequence does not depend
    /// on the standard library's version.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, unbiased). `bound` must be positive.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let product = next().multipliedFullWidth(by: range)
            if product.low >= threshold {
                return Int(product.high)
            }
        }
    }

    /// True with probability `probability` (one draw; probabilities ≥ 1 still draw, for a fixed stream).
    public mutating func nextBool(probability: Double) -> Bool {
        nextUnit() < probability
    }
}

extension Xoshiro256StarStar: Codable {
    /// Decodes the four state words from 16-digit hex strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let words = try container.decode([String].self)
        var parsed: [UInt64] = []
        for word in words {
            guard word.count == 16, let value = UInt64(word, radix: 16) else {
                throw SearchError.invalidRandomState("'\(word)' is not a 16-digit hex word")
            }
            parsed.append(value)
        }
        try self.init(state: parsed)
    }

    /// Encodes the four state words as 16-digit lowercase hex strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(state.map(Hex.word))
    }
}
