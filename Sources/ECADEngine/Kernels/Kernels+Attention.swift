extension Kernels {
    /// Multi-head scaled dot-product attention on already-projected queries, keys and values.
    ///
    /// Per sample `b` and head `h`: `softmax(q_bh k_bh^T / sqrt(dh) + bias_b) v_bh`, where head `h` owns
    /// channels `h*dh ..< (h+1)*dh`. The (sample, head) pairs run across threads; each writes its own
    /// output columns, computed the same way whatever the thread count.
    /// - Parameters:
    ///   - q: `[B, Tq, D]`.
    ///   - k: `[B, Tk, D]`.
    ///   - v: `[B, Tk, D]`.
    ///   - heads: number of heads `H`; `dh = D / H`.
    ///   - keyBias: `[B, Tk]` additive bias per key (e.g. -10000 for padded caption tokens), or nil.
    ///   - path: the implementation; native needs a head width that is a multiple of 8 (else OpenBLAS runs).
    /// - Returns: `[B, Tq, D]` (heads concatenated).
    package static func attention(
        q: Tensor, k: Tensor, v: Tensor, heads: Int, keyBias: Tensor?, path: KernelPath = .current
    ) -> Tensor {
        let (b, tq, d) = (q.shape[0], q.shape[1], q.shape[2])
        let tk = k.shape[1]
        precondition(k.shape == [b, tk, d] && v.shape == k.shape, "attention: q \(q.shape) k \(k.shape) v \(v.shape)")
        precondition(heads > 0 && d % heads == 0, "attention: \(d) channels do not split into \(heads) heads")
        if let keyBias { precondition(keyBias.count == b * tk, "attention: key bias \(keyBias.shape) for \(b)x\(tk)") }
        let dh = d / heads
        let scale = 1 / Float(dh).squareRoot()
        if path == .native && dh % 8 == 0 {
            return nativeAttention(q: q, k: k, v: v, heads: heads, keyBias: keyBias, scale: scale)
        }
        let hasBias = keyBias != nil
        let out = uninitializedScalars(b * tq * d) { po in
            q.scalars.withBase { pq in
                k.scalars.withBase { pk in
                    v.scalars.withBase { pv in
                        (keyBias?.scalars ?? []).withBase { pb in
                            parallelChunks(b * heads) { pairs in
                                let scores = UnsafeMutablePointer<Float>.allocate(capacity: max(1, tq * tk))
                                defer { scores.deallocate() }
                                for pair in pairs {
                                    let (sample, head) = pair.quotientAndRemainder(dividingBy: heads)
                                    let qOffset = sample * tq * d + head * dh
                                    let kvOffset = sample * tk * d + head * dh
                                    sgemm(
                                        transposeA: false, transposeB: true, m: tq, n: tk, k: dh, alpha: scale,
                                        a: pq + qOffset, lda: d, b: pk + kvOffset, ldb: d, c: scores, ldc: tk)
                                    softmaxRows(scores, rows: tq, count: tk, bias: hasBias ? pb + sample * tk : nil)
                                    sgemm(
                                        transposeA: false, transposeB: false, m: tq, n: dh, k: tk,
                                        a: scores, lda: tk, b: pv + kvOffset, ldb: d, c: po + qOffset, ldc: d)
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [b, tq, d], scalars: out)
    }
}
