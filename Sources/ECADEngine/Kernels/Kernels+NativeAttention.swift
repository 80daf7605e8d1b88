import CKernels

extension Kernels {
    /// ``attention(q:k:v:heads:keyBias:path:)`` on the native fused kernel (`ck_attention`): (sample, head)
    /// pairs across threads, each pair computed whole by one thread, so any thread count gives the same bits.
    ///
    /// - Parameters:
    ///   - q: `[B, Tq, D]`; `k`, `v`: `[B, Tk, D]`; `keyBias`: `[B, Tk]` or nil; `D / heads` a multiple of 8.
    /// - Returns: `[B, Tq, D]`.
    static func nativeAttention(q: Tensor, k: Tensor, v: Tensor, heads: Int, keyBias: Tensor?, scale: Float) -> Tensor {
        let (b, tq, d) = (q.shape[0], q.shape[1], q.shape[2])
        let tk = k.shape[1]
        let scratchCount = ck_attention_scratch(Int32(tk), Int32(d / heads))
        let out = uninitializedScalars(b * tq * d) { po in
            q.scalars.withBase { pq in
                k.scalars.withBase { pk in
                    v.scalars.withBase { pv in
                        (keyBias?.scalars ?? []).withBase { pb in
                            parallelChunks(b * heads) { pairs in
                                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchCount)
                                defer { scratch.deallocate() }
                                ck_attention(
                                    pq, pk, pv, po, Int32(tq), Int32(tk), Int32(d), Int32(heads),
                                    Int32(pairs.lowerBound), Int32(pairs.upperBound), keyBias == nil ? nil : pb, scale,
                                    scratch)
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [b, tq, d], scalars: out)
    }
}
