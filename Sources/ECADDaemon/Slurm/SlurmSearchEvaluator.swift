import ECADCore
import ECADWorkerProtocol

/// ``SearchEvaluator`` through Slurm: a batch's schedules go out as chunks of `chunkSize` in one array
/// (``SlurmExecutor``), and come back in request order once every chunk has its result.
package struct SlurmSearchEvaluator: SearchEvaluator {
    /// Submits and polls.
    package let executor: SlurmExecutor
    /// Schedules per request file.
    package let chunkSize: Int

    package func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
        let size = max(chunkSize, 1)
        let chunks = stride(from: 0, to: schedules.count, by: size).map { Array(schedules[$0..<min($0 + size, schedules.count)]) }
        let results = Results()
        try await executor.run(chunks, prompts: prompts) { chunk, evaluations in
            await results.put(chunk, evaluations)
        }
        var all: [EvaluateResult.Evaluation] = []
        for chunk in chunks.indices {
            guard let evaluations = await results.get(chunk) else {
                throw DaemonError.workerProtocol("Slurm delivered no result for chunk \(chunk)")
            }
            all += evaluations
        }
        return all
    }

    /// Chunk results as they are delivered.
    private actor Results {
        private var byChunk: [Int: [EvaluateResult.Evaluation]] = [:]
        func put(_ chunk: Int, _ evaluations: [EvaluateResult.Evaluation]) { byChunk[chunk] = evaluations }
        func get(_ chunk: Int) -> [EvaluateResult.Evaluation]? { byChunk[chunk] }
    }
}
