import CKernels
import Dispatch

extension Kernels {
    /// Splits `0..<count` into at most ``threadCount`` contiguous chunks of at least `grain` items and runs
    /// `body` on each, concurrently when there is more than one chunk. Bodies may call ``sgemm``. Inside
    /// ``parallelGroups(_:_:)`` it runs the whole range on the calling thread.
    ///
    /// Callers must make every output element depend on its own index only (never on the chunking), so the
    /// result is the same for any thread count and any scheduling.
    package static func parallelChunks(_ count: Int, grain: Int = 1, _ body: (Range<Int>) -> Void) {
        let workers = ck_serial() != 0 ? 1 : min(threadCount, count / max(1, grain))
        guard count > 0 else { return }
        guard workers > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { escapable in
            let chunk = ChunkBody(run: escapable)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                chunk.run((count * worker / workers)..<(count * (worker + 1) / workers))
            }
        }
    }

    /// Runs `body(group)` for every group in `0..<count`: the largest multiple of ``threadCount`` groups as
    /// contiguous runs across threads, each body's kernels on that body's thread (no nested splitting), then
    /// the remaining groups one after another with their kernels split across threads. For work made of
    /// independent pieces that each fit in a core's cache, such as one forward pass per few sequences; every
    /// thread gets the same number of groups.
    package static func parallelGroups(_ count: Int, _ body: (Int) -> Void) {
        let threads = ck_serial() != 0 ? 1 : threadCount
        let spread = threads > 1 ? count / threads * threads : 0
        parallelChunks(spread) { groups in
            ck_serial_begin()
            defer { ck_serial_end() }
            for group in groups { body(group) }
        }
        for group in spread..<max(spread, count) { body(group) }
    }
}

/// A chunk body handed to worker threads. Unchecked: every caller writes only the outputs of its own chunk.
private struct ChunkBody: @unchecked Sendable {
    let run: (Range<Int>) -> Void
}
