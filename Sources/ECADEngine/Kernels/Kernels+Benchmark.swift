import CBLAS
import Foundation

extension Kernels {
    /// Seconds per call of a bare `cblas_sgemm` computing `[m, k] x [n, k]^T` (the shape `linear` uses),
    /// best of `repeats` after one warm-up, with OpenBLAS's own threading at the engine's thread count:
    /// the yardstick for the engine's own GEMM path.
    package static func bareSGEMMSeconds(m: Int, n: Int, k: Int, repeats: Int) -> Double {
        _ = serialBLAS
        openblas_set_num_threads(Int32(threadCount))
        defer { openblas_set_num_threads(1) }
        var a = [Float](repeating: 0.5, count: m * k)
        var b = [Float](repeating: 0.25, count: n * k)
        var c = [Float](repeating: 0, count: m * n)
        var best = Double.infinity
        for round in 0...max(1, repeats) {
            let start = Date()
            a.withMutableBase { pa in
                b.withMutableBase { pb in
                    c.withMutableBase { pc in
                        sgemm(transposeA: false, transposeB: true, m: m, n: n, k: k, a: pa, lda: k, b: pb, ldb: k, c: pc, ldc: n)
                    }
                }
            }
            if round > 0 { best = min(best, Date().timeIntervalSince(start)) }
        }
        return best
    }
}
