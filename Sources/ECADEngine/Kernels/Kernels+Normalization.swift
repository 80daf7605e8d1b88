extension Kernels {
    /// Layer normalization over the last dimension, as `nn.LayerNorm` (biased variance).
    ///
    /// - Parameters:
    ///   - x: `[..., D]`.
    ///   - eps: added to the variance.
    ///   - weight: `[D]` or nil (no affine scale).
    ///   - bias: `[D]` or nil (no affine shift).
    /// - Returns: `[..., D]`.
    package static func layerNorm(_ x: Tensor, eps: Float, weight: Tensor? = nil, bias: Tensor? = nil) -> Tensor {
        let d = x.lastDimension
        let rows = x.rowCount
        var out = x.scalars
        let gamma = weight?.scalars
        let beta = bias?.scalars
        out.withMutableBase { p in
            for row in 0..<rows {
                let r = p + row * d
                var mean: Float = 0
                for i in 0..<d { mean += r[i] }
                mean /= Float(d)
                var variance: Float = 0
                for i in 0..<d {
                    let c = r[i] - mean
                    variance += c * c
                }
                variance /= Float(d)
                let inv = 1 / (variance + eps).squareRoot()
                for i in 0..<d { r[i] = (r[i] - mean) * inv }
                if let gamma { for i in 0..<d { r[i] *= gamma[i] } }
                if let beta { for i in 0..<d { r[i] += beta[i] } }
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// adaLN modulation: `x * (1 + scale) + shift`, with per-sample vectors.
    ///
    /// - Parameters:
    ///   - x: `[B, T, D]`.
    ///   - scale: `[B, D]`.
    ///   - shift: `[B, D]`.
    /// - Returns: `[B, T, D]`.
    package static func modulate(_ x: Tensor, scale: Tensor, shift: Tensor) -> Tensor {
        let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
        precondition(scale.count == b * d && shift.count == b * d, "modulate: \(x.shape) vs \(scale.shape), \(shift.shape)")
        var out = x.scalars
        out.withMutableBase { p in
            scale.scalars.withBase { sc in
                shift.scalars.withBase { sh in
                    for batch in 0..<b {
                        let s = sc + batch * d
                        let h = sh + batch * d
                        for token in 0..<t {
                            let r = p + (batch * t + token) * d
                            for i in 0..<d { r[i] = r[i] * (1 + s[i]) + h[i] }
                        }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// Residual update `hidden + gate * y` (or `hidden + y` without a gate).
    ///
    /// - Parameters:
    ///   - hidden: `[B, T, D]`, updated in place.
    ///   - y: `[B, T, D]`.
    ///   - gate: `[B, D]` or nil.
    package static func addGated(_ hidden: inout Tensor, _ y: Tensor, gate: Tensor?) {
        precondition(hidden.shape == y.shape, "addGated: \(hidden.shape) vs \(y.shape)")
        let (b, t, d) = (hidden.shape[0], hidden.shape[1], hidden.shape[2])
        let gateScalars = gate?.scalars
        y.scalars.withBase { py in
            hidden.scalars.withMutableBase { ph in
                for batch in 0..<b {
                    for token in 0..<t {
                        let offset = (batch * t + token) * d
                        if let gateScalars {
                            let g = batch * d
                            for i in 0..<d { ph[offset + i] += gateScalars[g + i] * py[offset + i] }
                        } else {
                            for i in 0..<d { ph[offset + i] += py[offset + i] }
                        }
                    }
                }
            }
        }
    }
}
