/// SplitMix64 (Steele, Lea and Flood): a tiny 64-bit generator, the project's one copy. It expands one seed into
/// the 256-bit state of ``Xoshiro256StarStar``, and is the renderer's, the sampler's noise and the tests' seeded
/// generator (ECADShapes, ECADEngine and the CLI import it from here).
///
/// Every output is a bijective mix of a counter, so nearby seeds give unrelated streams.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The counter; advances by the golden-ratio increment on each draw.
    public private(set) var state: UInt64

    /// Creates a generator whose first output depends on `seed` only.
    public init(seed: UInt64) {
        state = seed
    }

    /// The golden-ratio increment the counter advances by.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijection of `UInt64` with good avalanche.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
