import Foundation

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

    /// GELU with the tanh approximation (`nn.GELU(approximate="tanh")`), elementwise.
    ///
    /// Uses the identity `0.5 x (1 + tanh(u)) = x / (1 + exp(-2u))`: the same function, with ``fastExp``
    /// instead of libm's much slower `tanhf`.
    package static func geluTanh(_ x: Tensor) -> Tensor {
        let c = Float((2.0 / Double.pi).squareRoot())
        var out = x.scalars
        out.withMutableBase { p in
            for i in 0..<x.count {
                let v = p[i]
                p[i] = v / (1 + fastExp(-2 * c * (v + 0.044715 * v * v * v)))
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// SiLU (`x * sigmoid(x)`), elementwise.
    package static func silu(_ x: Tensor) -> Tensor {
        var out = x.scalars
        out.withMutableBase { p in
            for i in 0..<x.count { p[i] = p[i] / (1 + fastExp(-p[i])) }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// Numerically stable softmax over each row of `count` contiguous values, in place.
    package static func softmaxRows(_ p: UnsafeMutablePointer<Float>, rows: Int, count: Int) {
        for row in 0..<rows {
            let r = p + row * count
            var peak = -Float.infinity
            for i in 0..<count where r[i] > peak { peak = r[i] }
            var sum: Float = 0
            for i in 0..<count {
                let e = fastExp(r[i] - peak)
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
