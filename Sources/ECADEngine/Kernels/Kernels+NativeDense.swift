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
                        forEachRowBlock(m, blockRows: rowBlock) { first, rows, _ in
                            ck_dense(
                                a + first * k, Int32(rows), Int32(k), w, Int32(n), bias == nil ? nil : b, epilogue.code,
                                o + first * n)
                        }
                    }
                }
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [n], scalars: out)
    }
}
