import Foundation

extension Kernels {
    /// GELU with the tanh approximation (`nn.GELU(approximate="tanh")`), elementwise.
    ///
    /// Uses the identity `0.5 x (1 + tanh(u)) = x / (1 + exp(-2u))`: the same function, but one `expf`
    /// instead of libm's much slower `tanhf`.
    package static func geluTanh(_ x: Tensor) -> Tensor {
        let c = Float((2.0 / Double.pi).squareRoot())
        var out = x.scalars
        out.withMutableBase { p in
            for i in 0..<x.count {
                let v = p[i]
                p[i] = v / (1 + expf(-2 * c * (v + 0.044715 * v * v * v)))
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// SiLU (`x * sigmoid(x)`), elementwise.
    package static func silu(_ x: Tensor) -> Tensor {
        var out = x.scalars
        out.withMutableBase { p in
            for i in 0..<x.count { p[i] = p[i] / (1 + expf(-p[i])) }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// Numerically stable softmax over each row of `count` contiguous values, in place.
    package static func softmaxRows(_ p: UnsafeMutablePointer<Float>, rows: Int, count: Int) {
        for row in 0..<rows {
            let r = p + row * count
            var peak = -Float.infinity
            for i in 0..<count { peak = max(peak, r[i]) }
            var sum: Float = 0
            for i in 0..<count {
                let e = expf(r[i] - peak)
                r[i] = e
                sum += e
            }
            let inv = 1 / sum
            for i in 0..<count { r[i] *= inv }
        }
    }

    /// Softmax over the last dimension: `[..., N] -> [..., N]`.
    package static func softmax(_ x: Tensor) -> Tensor {
        var out = x.scalars
        out.withMutableBase { softmaxRows($0, rows: x.rowCount, count: x.lastDimension) }
        return Tensor(shape: x.shape, scalars: out)
    }
}
