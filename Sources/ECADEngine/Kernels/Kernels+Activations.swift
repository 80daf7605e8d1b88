import Foundation

extension Kernels {
    /// GELU with the tanh approximation (`nn.GELU(approximate="tanh")`), elementwise.
    ///
    /// Uses the identity `0.5 x (1 + tanh(u)) = x / (1 + exp(-2u))`: the same function, with ``fastExp``
    /// instead of libm's much slower `tanhf`.
    package static func geluTanh(_ x: consuming Tensor) -> Tensor {
        var out = x
        applyGeluTanh(&out)
        return out
    }

    /// ``geluTanh(_:)`` in place, across threads.
    package static func applyGeluTanh(_ x: inout Tensor) {
        let count = x.count
        x.scalars.withMutableBase { p in
            parallelChunks(count, grain: 32768) { range in geluTanhInPlace(p + range.lowerBound, count: range.count) }
        }
    }

    /// ``geluTanh(_:)`` on `count` floats at `p`, in place, on the calling thread.
    package static func geluTanhInPlace(_ p: UnsafeMutablePointer<Float>, count: Int) {
        let c = Float((2.0 / Double.pi).squareRoot())
        for i in 0..<count {
            let v = p[i]
            p[i] = v / (1 + fastExp(-2 * c * (v + 0.044715 * v * v * v)))
        }
    }

    /// SiLU (`x * sigmoid(x)`), elementwise.
    package static func silu(_ x: consuming Tensor) -> Tensor {
        var out = x
        let count = out.count
        out.scalars.withMutableBase { p in
            for i in 0..<count { p[i] = p[i] / (1 + fastExp(-p[i])) }
        }
        return out
    }

    /// Numerically stable softmax over each row of `count` contiguous values, in place; with `bias`,
    /// `softmax(row + bias)` where `bias` holds `count` values shared by all rows.
    package static func softmaxRows(
        _ p: UnsafeMutablePointer<Float>, rows: Int, count: Int, bias: UnsafePointer<Float>? = nil
    ) {
        for row in 0..<rows {
            let r = p + row * count
            if let bias { for i in 0..<count { r[i] += bias[i] } }
            let peak = maximum(r, count: count)
            for i in 0..<count { r[i] = fastExp(r[i] - peak) }
            let inv = 1 / sum(r, count: count)
            for i in 0..<count { r[i] *= inv }
        }
    }

    /// Softmax over the last dimension: `[..., N] -> [..., N]`.
    package static func softmax(_ x: consuming Tensor) -> Tensor {
        var out = x
        let (rows, count) = (out.rowCount, out.lastDimension)
        out.scalars.withMutableBase { softmaxRows($0, rows: rows, count: count) }
        return out
    }
}
