extension Kernels {
    /// A dense layer as PyTorch's `nn.Linear` computes it: `y = x W^T + b`.
    ///
    /// - Parameters:
    ///   - x: `[..., K]` (any leading dimensions).
    ///   - weight: `[N, K]`.
    ///   - bias: `[N]` or nil.
    /// - Returns: `[..., N]`.
    package static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        let k = x.lastDimension
        precondition(weight.rank == 2 && weight.shape[1] == k, "linear: input \(x.shape) vs weight \(weight.shape)")
        let n = weight.shape[0]
        let m = x.rowCount
        var out = [Float](repeating: 0, count: m * n)
        if let bias {
            precondition(bias.count == n, "linear: bias \(bias.shape) vs weight \(weight.shape)")
            out.withMutableBase { o in
                bias.scalars.withBase { b in
                    for row in 0..<m { (o + row * n).update(from: b, count: n) }
                }
            }
        }
        out.withMutableBase { o in
            x.scalars.withBase { a in
                weight.scalars.withBase { w in
                    sgemm(
                        transposeA: false, transposeB: true, m: m, n: n, k: k,
                        a: a, lda: k, b: w, ldb: k, beta: bias == nil ? 0 : 1, c: o, ldc: n)
                }
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [n], scalars: out)
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
