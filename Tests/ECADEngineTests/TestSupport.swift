@testable import ECADEngine

/// A seeded SplitMix64 generator so every test's random tensors are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Tensor {
    /// Uniform values in [-scale, scale].
    static func random(_ shape: [Int], scale: Float = 1, generator: inout SeededGenerator) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float.random(in: -scale...scale, using: &generator) })
    }

    /// Largest absolute elementwise difference.
    func maxDifference(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "shape \(shape) vs \(other.shape)")
        return zip(scalars, other.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}
