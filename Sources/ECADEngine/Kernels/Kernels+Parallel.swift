import Dispatch

extension Kernels {
    /// Splits `0..<count` into at most ``threadCount`` contiguous chunks of at least `grain` items and runs
    /// `body` on each, concurrently when there is more than one chunk. Bodies may call ``sgemm``.
    ///
    /// Callers must make every output element depend on its own index only (never on the chunking), so the
    /// result is the same for any thread count and any scheduling.
    package static func parallelChunks(_ count: Int, grain: Int = 1, _ body: (Range<Int>) -> Void) {
        let workers = min(threadCount, count / max(1, grain))
        guard count > 0 else { return }
        guard workers > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { escapable in
            let chunk = ChunkBody(run: escapable)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                chunk.run((count * worker / workers)..<(count * (worker + 1) / workers))
            }
        }
    }
}

/// A chunk body handed to worker threads. Unchecked: every caller writes only the outputs of its own chunk.
private struct ChunkBody: @unchecked Sendable {
    let run: (Range<Int>) -> Void
}
