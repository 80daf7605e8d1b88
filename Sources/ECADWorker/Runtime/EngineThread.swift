import Foundation

/// Runs engine work on a dedicated thread, off Swift's cooperative pool, so long BLAS-bound passes never
/// block the async runtime.
public enum EngineThread {
    /// Runs `work` on a new thread with a large stack and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.stackSize = 64 << 20
            thread.name = "ecad-engine"
            thread.start()
        }
    }

    /// The thread count to use: the flag, else `ECAD_THREADS`, else `OPENBLAS_NUM_THREADS`, else all cores.
    public static func threadCount(flag: Int?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let flag, flag > 0 { return flag }
        for key in ["ECAD_THREADS", "OPENBLAS_NUM_THREADS"] {
            if let value = environment[key].flatMap(Int.init), value > 0 { return value }
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}
