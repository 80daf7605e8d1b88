import CBLAS

/// The numeric kernels of the engine. This folder is the only code that calls BLAS.
///
/// Shapes use the engine's convention: `[B, T, D]` = batch, tokens, channels, row-major.
package enum Kernels {
    /// Sets the OpenBLAS thread count for all later GEMMs in this process.
    package static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The OpenBLAS thread count in effect.
    package static var threadCount: Int {
        Int(openblas_get_num_threads())
    }

    /// Row-major single-precision GEMM on raw pointers: `C = alpha * op(A) * op(B) + beta * C`.
    ///
    /// `op(A)` is `[m, k]`, `op(B)` is `[k, n]`, `C` is `[m, n]`; leading dimensions are row strides.
    package static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
