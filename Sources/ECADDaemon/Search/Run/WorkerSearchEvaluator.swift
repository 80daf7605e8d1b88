import ECADCore
import ECADWorkerProtocol

/// ``SearchEvaluator`` on the job's worker: one `evaluate` request per chunk.
package struct WorkerSearchEvaluator: SearchEvaluator {
    /// The worker.
    package let session: WorkerSession
    /// Seeds per prompt.
    package let seeds: [UInt64]
    /// Sampler settings.
    package let sampler: SamplerSettings

    package func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
        let wire = schedules.map { schedule in
            WireSchedule(
                steps: schedule.steps, blocks: schedule.blocks,
                components: (schedule.layout.groups.first?.type.components ?? []).map(\.rawValue),
                bits: schedule.base64Bits)
        }
        let request = EvaluateRequest(schedules: wire, prompts: prompts, seeds: seeds, sampler: sampler)
        guard case .evaluated(_, let result) = try await session.call(.evaluate(request)) else {
            throw DaemonError.workerProtocol("expected an evaluate result")
        }
        return result.evaluations.sorted { $0.index < $1.index }
    }
}
