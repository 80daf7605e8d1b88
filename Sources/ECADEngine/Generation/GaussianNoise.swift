import ECADSearch
import Foundation

/// Reproducible standard-normal noise: SplitMix64 bits through Box-Muller, one stream per seed.
public struct GaussianNoise: Sendable {
    private var bits: SplitMix64

    /// A stream determined entirely by `seed`.
    public init(seed: UInt64) {
        bits = SplitMix64(seed: seed)
    }

    /// A uniform value in (0, 1].
    private mutating func nextUniform() -> Double {
        (Double(bits.next() >> 11) + 1) / Double(1 << 53)
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
