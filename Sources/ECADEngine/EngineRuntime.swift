/// Process-wide engine settings.
public enum EngineRuntime {
    /// Pins the OpenBLAS thread count used by every GEMM.
    public static func setThreadCount(_ count: Int) {
        Kernels.setThreadCount(count)
    }

    /// The OpenBLAS thread count in effect.
    public static var threadCount: Int { Kernels.threadCount }
}
