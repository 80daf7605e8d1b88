import CKernels

extension Kernels {
    /// What the native GEMM applies to `x W^T + bias` before storing it.
    package enum Epilogue: Sendable {
        case none
        case geluTanh

        var code: Int32 { self == .none ? Int32(CK_EPILOGUE_NONE) : Int32(CK_EPILOGUE_GELU_TANH) }
    }

    /// `epilogue(x W^T + b)` on the native kernels, one `ck_dense` call per block of ``rowBlock`` rows,
    /// blocks across threads. Each output row depends only on its input row and is computed the same way
    /// wherever it falls, so the result does not depend on the thread count.
    ///
    /// - Parameters:
    ///   - x: `[..., K]`.
    ///   - packed: the weight `[N, K]`, packed.
    ///   - bias: `[N]` or nil.
    /// - Returns: `[..., N]`.
    package static func linear(_ x: Tensor, packed: PackedWeights, bias: Tensor?, epilogue: Epilogue = .none) -> Tensor {
        let (m, k, n) = (x.rowCount, x.lastDimension, packed.outputs)
        precondition(packed.inputs == k, "linear: input \(x.shape) vs weight [\(n), \(packed.inputs)]")
        if let bias { precondition(bias.count == n, "linear: bias \(bias.shape) vs weight [\(n), \(k)]") }
        let out = uninitializedScalars(m * n) { o in
            x.scalars.withBase { a in
                packed.scalars.withBase { w in
                    (bias?.scalars ?? []).withBase { b in
                        parallelChunks((m + rowBlock - 1) / rowBlock) { blocks in
                            for block in blocks {
                                let first = block * rowBlock
                                ck_dense(
                                    a + first * k, Int32(min(rowBlock, m - first)), Int32(k), w, Int32(n),
                                    bias == nil ? nil : b, epilogue.code, o + first * n)
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

    /// The GELU-tanh MLP on the native kernels: per block of ``nativeFeedForwardRows`` rows, one GEMM with bias
    /// and GELU fused into its epilogue, then the output GEMM. See ``feedForward(_:inner:outer:)``.
    static func feedForward(_ x: Tensor, inner: PackedWeights, innerBias: Tensor?, outer: PackedWeights, outerBias: Tensor?) -> Tensor {
        let (m, d, f, n) = (x.rowCount, x.lastDimension, inner.outputs, outer.outputs)
        let rowBlock = nativeFeedForwardRows
        let out = uninitializedScalars(m * n) { o in
            x.scalars.withBase { px in
                inner.scalars.withBase { w1 in
                    outer.scalars.withBase { w2 in
                        (innerBias?.scalars ?? []).withBase { b1 in
                            (outerBias?.scalars ?? []).withBase { b2 in
                                parallelChunks((m + rowBlock - 1) / rowBlock) { chunk in
                                    let hidden = UnsafeMutablePointer<Float>.allocate(capacity: rowBlock * f)
                                    defer { hidden.deallocate() }
                                    for block in chunk {
                                        let first = block * rowBlock
                                        let rows = Int32(min(rowBlock, m - first))
                                        ck_dense(
                                            px + first * d, rows, Int32(d), w1, Int32(f), innerBias == nil ? nil : b1,
                                            Epilogue.geluTanh.code, hidden)
                                        ck_dense(
                                            hidden, rows, Int32(f), w2, Int32(n), outerBias == nil ? nil : b2,
                                            Epilogue.none.code, o + first * n)
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
