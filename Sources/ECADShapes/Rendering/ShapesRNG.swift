/// SplitMix64: a small, fast, seeded generator (Steele, Lea and Flood 2014). All randomness of the renderer and
/// the sampler comes from it, so outputs depend only on the seed, on every platform.
public struct ShapesRNG: RandomNumberGenerator, Sendable, Hashable {
    /// The generator state; the next output is `mix(state + golden)`.
    public private(set) var state: UInt64

    private static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.golden
        return Self.mix(state)
    }

    /// A float uniform in `[low, high)`, from the top 24 bits of one draw.
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        let unit = Float(next() >> 40) / Float(1 << 24)
        return low + (high - low) * unit
    }

    /// An integer uniform in `0..<count` (multiply-shift; the bias is below 2^-32 for small counts).
    public mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "index(_:) needs a positive count")
        return Int(((next() >> 32) &* UInt64(count)) >> 32)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < p
    }

    /// The SplitMix64 output function: a bijective 64-bit finalizer.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The render seed of image `index` in a set made with `seed`: `mix(seed ^ mix(index + golden))`.
    public static func imageSeed(base seed: UInt64, index: Int) -> UInt64 {
        mix(seed ^ mix(UInt64(index) &+ golden))
    }
}
