extension Kernels {
    /// Multi-head scaled dot-product attention on already-projected queries, keys and values.
    ///
    /// Per sample `b` and head `h`: `softmax(q_bh k_bh^T / sqrt(dh) + bias_b) v_bh`, where head `h` owns
    /// channels `h*dh ..< (h+1)*dh`.
    /// - Parameters:
    ///   - q: `[B, Tq, D]`.
    ///   - k: `[B, Tk, D]`.
    ///   - v: `[B, Tk, D]`.
    ///   - heads: number of heads `H`; `dh = D / H`.
    ///   - keyBias: `[B, Tk]` additive bias per key (e.g. -10000 for padded caption tokens), or nil.
    /// - Returns: `[B, Tq, D]` (heads concatenated).
    package static func attention(q: Tensor, k: Tensor, v: Tensor, heads: Int, keyBias: Tensor?) -> Tensor {
        let (b, tq, d) = (q.shape[0], q.shape[1], q.shape[2])
        let tk = k.shape[1]
        precondition(k.shape == [b, tk, d] && v.shape == k.shape, "attention: q \(q.shape) k \(k.shape) v \(v.shape)")
        precondition(heads > 0 && d % heads == 0, "attention: \(d) channels do not split into \(heads) heads")
        if let keyBias { precondition(keyBias.count == b * tk, "attention: key bias \(keyBias.shape) for \(b)x\(tk)") }
        let dh = d / heads
        let scale = 1 / Float(dh).squareRoot()
        var out = [Float](repeating: 0, count: b * tq * d)
        var scores = [Float](repeating: 0, count: tq * tk)
        let bias = keyBias?.scalars ?? []
        let (pq, pk, pv, pb) = (q.scalars, k.scalars, v.scalars, bias)
        out.withMutableBase { po in
            scores.withMutableBase { ps in
                pq.withBase { pq in
                    pk.withBase { pk in
                        pv.withBase { pv in
                            pb.withBase { pb in
                                for sample in 0..<b {
                                    for head in 0..<heads {
                                        let qOffset = sample * tq * d + head * dh
                                        let kvOffset = sample * tk * d + head * dh
                                        sgemm(
                                            transposeA: false, transposeB: true, m: tq, n: tk, k: dh, alpha: scale,
                                            a: pq + qOffset, lda: d, b: pk + kvOffset, ldb: d, c: ps, ldc: tk)
                                        if keyBias != nil { addRowBias(ps, rows: tq, count: tk, bias: pb + sample * tk) }
                                        softmaxRows(ps, rows: tq, count: tk)
                                        sgemm(
                                            transposeA: false, transposeB: false, m: tq, n: dh, k: tk,
                                            a: ps, lda: tk, b: pv + kvOffset, ldb: d, c: po + qOffset, ldc: d)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [b, tq, d], scalars: out)
    }

    /// Adds `bias[0..<count]` to each of `rows` contiguous rows.
    private static func addRowBias(_ p: UnsafeMutablePointer<Float>, rows: Int, count: Int, bias: UnsafePointer<Float>) {
        for row in 0..<rows {
            let r = p + row * count
            for key in 0..<count { r[key] += bias[key] }
        }
    }
}
