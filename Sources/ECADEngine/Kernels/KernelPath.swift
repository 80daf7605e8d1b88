import CKernels
import Foundation

/// Which implementation the engine's hot kernels (dense layers, the MLP, attention) run on.
///
/// `native` is the hand-written AVX2/FMA code in the `CKernels` target (weights pre-packed into 16-column panels,
/// bias and GELU fused into the GEMM epilogue, attention fused per 6-query tile with no score matrix); `blas` is
/// OpenBLAS `sgemm` plus the Swift kernels. Both compute the same functions; they round differently (within
/// 1e-5 relative in the kernel tests). Each is bit-identical across thread counts.
package enum KernelPath: String, Sendable, CaseIterable {
    case native
    case blas

    /// The process-wide choice: `native` when the CPU has AVX2 and FMA, unless `ECAD_KERNELS=blas` asks for
    /// OpenBLAS (for comparisons, or to rule the native kernels out when debugging).
    package static let current: KernelPath = {
        let requested = ProcessInfo.processInfo.environment["ECAD_KERNELS"]?.lowercased()
        if requested == KernelPath.blas.rawValue || !nativeAvailable { return .blas }
        return .native
    }()

    /// Whether this CPU can run the native kernels (AVX2 and FMA).
    package static let nativeAvailable: Bool = ck_available() != 0
}
