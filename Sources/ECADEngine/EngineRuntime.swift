/// Process-wide engine settings.
public enum EngineRuntime {
    /// Sets how many threads the engine splits its work across (OpenBLAS itself stays single-threaded).
    public static func setThreadCount(_ count: Int) {
        Kernels.setThreadCount(count)
    }

    /// The engine thread count in effect.
    public static var threadCount: Int { Kernels.threadCount }
}
