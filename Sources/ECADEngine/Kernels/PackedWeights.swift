import CKernels

/// A dense layer's weight `[N, K]` rearranged for the native GEMM: panels of 16 output columns, each `[K, 16]`
/// (`ck_pack`). Built once when a model loads, so no GEMM call repacks its weights.
package struct PackedWeights: Sendable {
    /// Output width `N`.
    package let outputs: Int
    /// Input width `K`.
    package let inputs: Int
    /// `ceil(N / 16) * 16 * K` floats; the padding columns are zero.
    package let scalars: [Float]

    /// Packs `weight` `[N, K]`.
    package init(_ weight: Tensor) {
        precondition(weight.rank == 2, "PackedWeights: weight \(weight.shape) is not [N, K]")
        let (n, k) = (weight.shape[0], weight.shape[1])
        outputs = n
        inputs = k
        scalars = Kernels.uninitializedScalars(ck_packed_count(Int32(n), Int32(k))) { packed in
            weight.scalars.withBase { ck_pack($0, Int32(n), Int32(k), packed) }
        }
    }
}
