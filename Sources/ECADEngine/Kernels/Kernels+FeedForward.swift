import CKernels

extension Kernels {
    /// The GELU-tanh MLP `gelu(x W1^T + b1) W2^T + b2`, in blocks of rows so the hidden activation
    /// `[rows, F]` stays in cache (and is never allocated for the whole batch); blocks run across threads.
    ///
    /// With packed weights (the native path) each block is one GEMM with bias and GELU fused into its epilogue,
    /// then the output GEMM, over ``nativeFeedForwardRows`` rows; on the OpenBLAS path, GEMM, GELU and GEMM over
    /// ``rowBlock`` rows. Each output row depends only on its input row, so the blocking changes no result.
    /// - Parameters:
    ///   - x: `[..., D]`.
    ///   - inner: `[F, D]` weight and `[F]` bias.
    ///   - outer: `[D', F]` weight and `[D']` bias.
    /// - Returns: `[..., D']`.
    package static func feedForward(_ x: Tensor, inner: LinearWeights, outer: LinearWeights) -> Tensor {
        let (m, d, f, n) = (x.rowCount, x.lastDimension, inner.outputs, outer.outputs)
        precondition(
            inner.inputs == d && outer.inputs == f,
            "feedForward: \(x.shape) through \(inner.weight.shape), \(outer.weight.shape)")
        let packed = inner.packed.flatMap { first in outer.packed.map { (first, $0) } }
        let blockRows = packed == nil ? rowBlock : nativeFeedForwardRows
        let out = uninitializedScalars(m * n) { o in
            x.scalars.withBase { px in
                (packed?.0.scalars ?? inner.weight.scalars).withBase { w1 in
                    (packed?.1.scalars ?? outer.weight.scalars).withBase { w2 in
                        (inner.bias?.scalars ?? []).withBase { b1 in
                            (outer.bias?.scalars ?? []).withBase { b2 in
                                let (bias1, bias2) = (inner.bias == nil ? nil : b1, outer.bias == nil ? nil : b2)
                                forEachRowBlock(m, blockRows: blockRows, scratchCount: blockRows * f) {
                                    first, rows, hidden in
                                    let (input, output) = (px + first * d, o + first * n)
                                    if packed != nil {
                                        ck_dense(
                                            input, Int32(rows), Int32(d), w1, Int32(f), bias1, Epilogue.geluTanh.code,
                                            hidden)
                                        ck_dense(
                                            hidden, Int32(rows), Int32(f), w2, Int32(n), bias2, Epilogue.none.code,
                                            output)
                                    } else {
                                        denseRows(rows, input, k: d, weight: w1, bias: bias1, outputs: f, into: hidden)
                                        geluTanhInPlace(hidden, count: rows * f)
                                        denseRows(rows, hidden, k: f, weight: w2, bias: bias2, outputs: n, into: output)
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

    /// Rows per block of the native MLP: the `[64, 4D]` hidden block (128 KiB at D = 128) stays in L2 between
    /// its two GEMMs; 256 rows filled a 512 KiB L2. Blocking changes no result on the native path.
    static let nativeFeedForwardRows = 64
}
