extension Kernels {
    /// A dense layer as PyTorch's `nn.Linear` computes it: `y = x W^T + b`, one GEMM per block of
    /// ``rowBlock`` rows, blocks across threads.
    ///
    /// - Parameters:
    ///   - x: `[..., K]` (any leading dimensions).
    ///   - weight: `[N, K]`.
    ///   - bias: `[N]` or nil.
    ///   - path: the implementation (native packs `weight` for this one call; a loaded ``LinearWeights``
    ///     keeps its packed form instead).
    /// - Returns: `[..., N]`.
    package static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?, path: KernelPath = .current) -> Tensor {
        let k = x.lastDimension
        precondition(weight.rank == 2 && weight.shape[1] == k, "linear: input \(x.shape) vs weight \(weight.shape)")
        if path == .native { return linear(x, packed: PackedWeights(weight), bias: bias) }
        let n = weight.shape[0]
        let m = x.rowCount
        if let bias { precondition(bias.count == n, "linear: bias \(bias.shape) vs weight \(weight.shape)") }
        let out = uninitializedScalars(m * n) { o in
            x.scalars.withBase { a in
                weight.scalars.withBase { w in
                    (bias?.scalars ?? []).withBase { b in
                        forEachRowBlock(m, blockRows: rowBlock) { first, rows, _ in
                            denseRows(
                                rows, a + first * k, k: k, weight: w, bias: bias == nil ? nil : b, outputs: n,
                                into: o + first * n)
                        }
                    }
                }
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [n], scalars: out)
    }

    /// Rows per GEMM call in ``linear(_:weight:bias:)`` and ``feedForward(_:inner:outer:)`` (one 256-token
    /// sequence). OpenBLAS may round differently depending on where a row falls in a call, so every call covers
    /// the same rows whatever the thread count: results are bit-identical for any count by construction.
    static let rowBlock = 256

    /// Calls `body(first, rows, scratch)` for each block of `blockRows` consecutive rows of `0..<m` (the last
    /// may be shorter), blocks across threads (``parallelChunks(_:grain:_:)``). `scratch` holds `scratchCount`
    /// floats that belong to the calling thread and are reused for its blocks (the MLP's hidden block).
    static func forEachRowBlock(
        _ m: Int, blockRows: Int, scratchCount: Int = 0, _ body: (Int, Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        parallelChunks((m + blockRows - 1) / blockRows) { blocks in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(1, scratchCount))
            defer { scratch.deallocate() }
            for block in blocks {
                let first = block * blockRows
                body(first, min(blockRows, m - first), scratch)
            }
        }
    }

    /// `rows` rows of a dense layer on the calling thread: `c = a W^T + bias` with `a` `[rows, k]`,
    /// `weight` `[outputs, k]` and `c` `[rows, outputs]` (the bias is copied into `c`, then GEMM with beta 1).
    static func denseRows(
        _ rows: Int, _ a: UnsafePointer<Float>, k: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        outputs n: Int, into c: UnsafeMutablePointer<Float>
    ) {
        if let bias { for row in 0..<rows { (c + row * n).update(from: bias, count: n) } }
        sgemm(
            transposeA: false, transposeB: true, m: rows, n: n, k: k, a: a, lda: k, b: weight, ldb: k,
            beta: bias == nil ? 0 : 1, c: c, ldc: n)
    }

    /// Batched matrix product: `[G, M, K] x [G, K, N] -> [G, M, N]`, or with `transposeB`,
    /// `[G, M, K] x [G, N, K]^T -> [G, M, N]`. One `cblas_sgemm` per group.
    package static func batchedMatmul(_ a: Tensor, _ b: Tensor, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 3 && b.rank == 3 && a.shape[0] == b.shape[0], "batchedMatmul: \(a.shape) x \(b.shape)")
        let (g, m, k) = (a.shape[0], a.shape[1], a.shape[2])
        let n = transposeB ? b.shape[1] : b.shape[2]
        precondition((transposeB ? b.shape[2] : b.shape[1]) == k, "batchedMatmul: inner dimensions \(a.shape) x \(b.shape)")
        var out = [Float](repeating: 0, count: g * m * n)
        out.withMutableBase { o in
            a.scalars.withBase { pa in
                b.scalars.withBase { pb in
                    for group in 0..<g {
                        sgemm(
                            transposeA: false, transposeB: transposeB, m: m, n: n, k: k,
                            a: pa + group * m * k, lda: k, b: pb + group * k * n, ldb: transposeB ? k : n,
                            c: o + group * m * n, ldc: n)
                    }
                }
            }
        }
        return Tensor(shape: [g, m, n], scalars: out)
    }
}
