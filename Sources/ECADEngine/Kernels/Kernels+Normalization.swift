extension Kernels {
    /// Per-row affine factors of a fused normalization: an optional `[D]` affine pair of the norm and
    /// optional `[B, D]` adaLN `scale`/`shift` (row `r` of a `[B, T, D]` input uses sample `r / T`).
    package struct RowAffine {
        var gamma: UnsafePointer<Float>?
        var beta: UnsafePointer<Float>?
        var scale: UnsafePointer<Float>?
        var shift: UnsafePointer<Float>?
    }

    /// Layer normalization over the last dimension, as `nn.LayerNorm` (biased variance).
    ///
    /// - Parameters:
    ///   - x: `[..., D]`.
    ///   - eps: added to the variance.
    ///   - weight: `[D]` or nil (no affine scale).
    ///   - bias: `[D]` or nil (no affine shift).
    /// - Returns: `[..., D]`.
    package static func layerNorm(_ x: Tensor, eps: Float, weight: Tensor? = nil, bias: Tensor? = nil) -> Tensor {
        layerNormModulate(x, eps: eps, weight: weight, bias: bias, scale: nil, shift: nil)
    }

    /// `modulate(layerNorm(x), scale, shift)` in one pass over `x`, rows across threads.
    ///
    /// - Parameters:
    ///   - x: `[B, T, D]`.
    ///   - weight, bias: `[D]` norm affine parameters or nil.
    ///   - scale, shift: `[B, D]` adaLN vectors, or nil for a plain layer norm (then `x` may be `[..., D]`).
    /// - Returns: `[B, T, D]`.
    package static func layerNormModulate(
        _ x: Tensor, eps: Float, weight: Tensor?, bias: Tensor?, scale: Tensor?, shift: Tensor?
    ) -> Tensor {
        let d = x.lastDimension
        let rows = x.rowCount
        let samples = scale == nil ? 1 : x.shape[0]
        let tokensPerSample = max(1, rows / max(1, samples))
        if let scale, let shift {
            precondition(scale.count == samples * d && shift.count == samples * d, "layerNormModulate: \(x.shape) vs \(scale.shape), \(shift.shape)")
        }
        let out = uninitializedScalars(x.count) { po in
            x.scalars.withBase { px in
                (weight?.scalars ?? []).withBase { pg in
                    (bias?.scalars ?? []).withBase { pb in
                        (scale?.scalars ?? []).withBase { psc in
                            (shift?.scalars ?? []).withBase { psh in
                                parallelChunks(rows, grain: 64) { range in
                                    for row in range {
                                        let sample = row / tokensPerSample
                                        let affine = RowAffine(
                                            gamma: weight == nil ? nil : pg, beta: bias == nil ? nil : pb,
                                            scale: scale == nil ? nil : psc + sample * d,
                                            shift: shift == nil ? nil : psh + sample * d)
                                        normalizeRow(px + row * d, into: po + row * d, count: d, eps: eps, affine)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// One row of ``layerNormModulate(_:eps:weight:bias:scale:shift:)``: mean and biased variance with
    /// eight-lane partial sums (``sum(_:count:)``), then `((x - mean) / sqrt(var + eps) * gamma + beta) * (1 + scale) + shift`.
    @inline(__always)
    private static func normalizeRow(
        _ x: UnsafePointer<Float>, into o: UnsafeMutablePointer<Float>, count d: Int, eps: Float, _ a: RowAffine
    ) {
        let mean = sum(x, count: d) / Float(d)
        for j in 0..<d { o[j] = x[j] - mean }
        let variance = sum(o, count: d, squared: true)
        let inv = 1 / (variance / Float(d) + eps).squareRoot()
        for j in 0..<d { o[j] *= inv }
        if let gamma = a.gamma { for j in 0..<d { o[j] *= gamma[j] } }
        if let beta = a.beta { for j in 0..<d { o[j] += beta[j] } }
        if let s = a.scale, let h = a.shift { for j in 0..<d { o[j] = o[j] * (1 + s[j]) + h[j] } }
    }

    /// adaLN modulation: `x * (1 + scale) + shift`, with per-sample vectors.
    ///
    /// - Parameters:
    ///   - x: `[B, T, D]`.
    ///   - scale: `[B, D]`.
    ///   - shift: `[B, D]`.
    /// - Returns: `[B, T, D]`.
    package static func modulate(_ x: consuming Tensor, scale: Tensor, shift: Tensor) -> Tensor {
        var out = x
        let (b, t, d) = (out.shape[0], out.shape[1], out.shape[2])
        precondition(scale.count == b * d && shift.count == b * d, "modulate: \(out.shape) vs \(scale.shape), \(shift.shape)")
        out.scalars.withMutableBase { p in
            scale.scalars.withBase { sc in
                shift.scalars.withBase { sh in
                    for row in 0..<(b * t) {
                        let (s, h, r) = (sc + row / t * d, sh + row / t * d, p + row * d)
                        for i in 0..<d { r[i] = r[i] * (1 + s[i]) + h[i] }
                    }
                }
            }
        }
        return out
    }
}
