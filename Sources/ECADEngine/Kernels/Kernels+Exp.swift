extension Kernels {
    /// `exp(x)` within about 2 ulp for x in [-87, 88] (0 below, clamped above), branch-free so loops vectorize:
    /// Cody-Waite range reduction by ln 2 and a degree-6 polynomial, then `2^n` from the exponent bits.
    @inline(__always)
    package static func fastExp(_ x: Float) -> Float {
        let clamped = x < -87 ? -87 : (x > 88 ? 88 : x)
        let shifted = clamped * 1.442_695_04 + 12_582_912  // 1.5 * 2^23: rounds x / ln2 to an integer
        let n = shifted - 12_582_912
        var r = clamped - n * 0.693_359_375
        r -= n * -2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 0.166_666_655
        p = p * r + 0.500_000_01
        let y = p * r * r + r + 1
        let exponent = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000 &+ 127
        let value = y * Float(bitPattern: UInt32(bitPattern: exponent) << 23)
        return x < -87 ? 0 : value
    }
}
