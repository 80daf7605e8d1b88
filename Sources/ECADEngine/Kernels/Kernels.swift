import CBLAS
import Foundation
import Synchronization

/// The numeric kernels of the engine. This folder is the only code that calls BLAS.
///
/// Shapes use the engine's convention: `[B, T, D]` = batch, tokens, channels, row-major.
/// OpenBLAS always runs one thread per call; the engine's own thread count splits work into independent
/// chunks (``parallelChunks(_:grain:_:)``), so each output element is computed the same way for any count.
package enum Kernels {
    /// The engine's thread count (all cores until set).
    private static let threads = Atomic<Int>(ProcessInfo.processInfo.activeProcessorCount)
    /// Pins OpenBLAS to one thread, once, before the first GEMM.
    static let serialBLAS: Bool = {
        openblas_set_num_threads(1)
        return true
    }()

    /// Sets the number of threads the kernels split work across, for all later calls in this process.
    package static func setThreadCount(_ count: Int) {
        threads.store(max(1, count), ordering: .relaxed)
    }

    /// The thread count in effect.
    package static var threadCount: Int {
        threads.load(ordering: .relaxed)
    }

    /// Row-major single-precision GEMM on raw pointers: `C = alpha * op(A) * op(B) + beta * C`.
    ///
    /// `op(A)` is `[m, k]`, `op(B)` is `[k, n]`, `C` is `[m, n]`; leading dimensions are row strides.
    /// Runs on the calling thread only.
    package static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0, serialBLAS else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
