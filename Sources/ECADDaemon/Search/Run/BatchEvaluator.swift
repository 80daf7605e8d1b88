import ECADCore
import ECADSearch
import ECADStore
import ECADWorkerProtocol

/// Scores one batch of schedules for a search: stored evaluations are reused, the missing ones go to the
/// evaluator in chunks, and each chunk's results are stored as soon as they arrive.
package struct BatchEvaluator {
    /// The search's plan.
    package let plan: SearchPlan
    /// The model digest keying evaluations.
    package let modelDigest: String
    /// The search job (stored with each evaluation it produces).
    package let job: JobID
    /// Scores schedules.
    package let evaluator: any SearchEvaluator
    /// Stores evaluations.
    package let persistence: any SearchPersistence
    /// Schedules per evaluator request.
    package let chunkSize: Int
    /// Whether the job is being stopped (cancelled, held, requeued, daemon shutdown): checked before each chunk
    /// and by ``SearchDriver`` between generations, so a stopped search ends within one chunk of candidates.
    package var shouldStop: @Sendable () -> Bool = { false }

    /// The evaluation of every schedule on `prompts`, in order; `counters` counts fresh and reused ones.
    package func evaluate(
        _ schedules: [Schedule], prompts: [String], counters: inout SearchCounters
    ) async throws -> [ECADStore.Evaluation] {
        let keys = schedules.map { plan.key(for: $0, prompts: prompts, modelDigest: modelDigest) }
        var found = try await persistence.stored(keys)
        let missing = keys.indices.filter { found[keys[$0]] == nil }
        for start in stride(from: 0, to: missing.count, by: max(chunkSize, 1)) {
            if shouldStop() { throw DaemonError.stopped }
            let chunk = Array(missing[start..<min(start + max(chunkSize, 1), missing.count)])
            let results = try await evaluator.evaluate(chunk.map { schedules[$0] }, prompts: prompts)
            guard results.count == chunk.count else {
                throw DaemonError.workerProtocol("asked to evaluate \(chunk.count) schedules, got \(results.count) results")
            }
            for (position, result) in results.enumerated() {
                let key = keys[chunk[position]]
                let stored = try makeEvaluation(result, key: key, prompts: prompts)
                try await persistence.store(stored)
                found[key] = stored
            }
        }
        var evaluations: [ECADStore.Evaluation] = []
        for key in keys {
            guard let evaluation = found[key] else { throw DaemonError.workerProtocol("no result for \(key.scheduleDigest)") }
            if evaluation.jobID == job { counters.freshEvaluations += 1 } else { counters.reusedEvaluations += 1 }
            evaluations.append(evaluation)
        }
        return evaluations
    }

    /// The metrics the search uses for a stored evaluation of `schedule`.
    package func metrics(_ evaluation: ECADStore.Evaluation, schedule: Schedule, fullFidelity: Bool) throws -> MemberMetrics {
        let rewards = evaluation.perPromptRewards
        let reward = rewards.isEmpty ? 0 : rewards.reduce(0, +) / Double(rewards.count)
        return MemberMetrics(
            reward: reward, macFraction: try plan.macFraction(schedule),
            latencySeconds: evaluation.latencySeconds ?? 0, fullFidelity: fullFidelity)
    }

    private func makeEvaluation(
        _ result: EvaluateResult.Evaluation, key: EvaluationKey, prompts: [String]
    ) throws -> ECADStore.Evaluation {
        guard result.rewards.count == prompts.count, result.rewards.allSatisfy(\.isFinite),
            result.macs.isFinite, result.latencySeconds.isFinite
        else {
            throw DaemonError.workerProtocol(
                "evaluation of \(key.scheduleDigest) has \(result.rewards.count) rewards for \(prompts.count) prompts or a non-finite value")
        }
        let mean = result.rewards.isEmpty ? 0 : result.rewards.reduce(0, +) / Double(result.rewards.count)
        return ECADStore.Evaluation(
            key: key, metricsJSON: "{\"reward\":\(mean),\"latency_seconds\":\(result.latencySeconds)}",
            perPromptRewards: result.rewards, macs: Int64(result.macs.rounded()), latencySeconds: result.latencySeconds,
            jobID: job)
    }
}
