import Foundation

/// Reproducible standard-normal noise: SplitMix64 bits through Box-Muller, one stream per seed.
public struct GaussianNoise: Sendable {
    private var state: UInt64

    /// A stream determined entirely by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    private mutating func nextBits() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in (0, 1].
    private mutating func nextUniform() -> Double {
        (Double(nextBits() >> 11) + 1) / Double(1 << 53)
    }

    /// A tensor of independent standard-normal values.
    public mutating func tensor(_ shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars: [Float] = []
        scalars.reserveCapacity(count + 1)
        while scalars.count < count {
            let radius = (-2 * log(nextUniform())).squareRoot()
            let angle = 2 * Double.pi * nextUniform()
            scalars.append(Float(radius * cos(angle)))
            scalars.append(Float(radius * sin(angle)))
        }
        return Tensor(shape: shape, scalars: Array(scalars.prefix(count)))
    }
}
