@testable import ECADEngine
import ECADSearch

extension Tensor {
    /// Uniform values in [-scale, scale].
    static func random(_ shape: [Int], scale: Float = 1, generator: inout SplitMix64) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float.random(in: -scale...scale, using: &generator) })
    }

    /// Largest absolute elementwise difference.
    func maxDifference(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "shape \(shape) vs \(other.shape)")
        return zip(scalars, other.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}
