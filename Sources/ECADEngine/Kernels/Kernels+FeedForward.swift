extension Kernels {
    /// The GELU-tanh MLP `gelu(x W1^T + b1) W2^T + b2`, in blocks of ``rowBlock`` rows so the hidden
    /// activation `[rowBlock, F]` stays in cache (and is never allocated for the whole batch); blocks run
    /// across threads.
    ///
    /// Each output row depends only on its input row, so the blocking does not change any result.
    /// - Parameters:
    ///   - x: `[..., D]`.
    ///   - inner: `[F, D]` weight and `[F]` bias.
    ///   - outer: `[D', F]` weight and `[D']` bias.
    /// - Returns: `[..., D']`.
    package static func feedForward(_ x: Tensor, inner: LinearWeights, outer: LinearWeights) -> Tensor {
        let (d, f, n) = (x.lastDimension, inner.outputs, outer.outputs)
        precondition(inner.inputs == d && outer.inputs == f, "feedForward: \(x.shape) through \(inner.weight.shape), \(outer.weight.shape)")
        if let packedInner = inner.packed, let packedOuter = outer.packed {
            return feedForward(x, inner: packedInner, innerBias: inner.bias, outer: packedOuter, outerBias: outer.bias)
        }
        let m = x.rowCount
        let rowsPerBlock = rowBlock
        let blocks = (m + rowsPerBlock - 1) / rowsPerBlock
        let out = uninitializedScalars(m * n) { o in
            x.scalars.withBase { px in
                inner.weight.scalars.withBase { w1 in
                    outer.weight.scalars.withBase { w2 in
                        (inner.bias?.scalars ?? []).withBase { b1 in
                            (outer.bias?.scalars ?? []).withBase { b2 in
                                parallelChunks(blocks) { chunk in
                                    let hidden = UnsafeMutablePointer<Float>.allocate(capacity: rowsPerBlock * f)
                                    defer { hidden.deallocate() }
                                    for block in chunk {
                                        let first = block * rowsPerBlock
                                        let rows = min(rowsPerBlock, m - first)
                                        denseRows(
                                            rows, px + first * d, k: d, weight: w1, bias: inner.bias == nil ? nil : b1,
                                            outputs: f, into: hidden)
                                        geluTanhInPlace(hidden, count: rows * f)
                                        denseRows(
                                            rows, hidden, k: f, weight: w2, bias: outer.bias == nil ? nil : b2,
                                            outputs: n, into: o + first * n)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [n], scalars: out)
    }
}
