import ECADSearch

/// The renderer's and the prompt sampler's generator: SplitMix64 (Steele, Lea and Flood 2014, ECADSearch's one
/// copy). All randomness of the renderer and the sampler comes from it, so outputs depend only on the seed, on
/// every platform.
public typealias ShapesRNG = SplitMix64

extension SplitMix64 {
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

    /// The render seed of image `index` in a set made with `seed`: `mix(seed ^ mix(index + increment))`.
    public static func imageSeed(base seed: UInt64, index: Int) -> UInt64 {
        mix(seed ^ mix(UInt64(index) &+ increment))
    }
}
