import ECADCore
import ECADSearch
import ECADStore
import ECADWorkerProtocol

/// Scores one batch of schedules for a search: stored evaluations are reused, the missing ones go to the
/// executor in chunks, and each chunk's results are stored as soon as they arrive. The batch is then read back
/// from the store in input order, so the workers' number and the order their results arrive in change nothing.
package struct BatchEvaluator {
    /// The search's plan.
    package let plan: SearchPlan
    /// The model digest keying evaluations.
    package let modelDigest: String
    /// The search job (stored with each evaluation it produces).
    package let job: JobID
    /// Evaluates the missing schedules (the job's local workers, or a remote executor).
    package let executor: any EvaluationExecutor
    /// Stores evaluations.
    package let persistence: any SearchPersistence
    /// Schedules per evaluator request.
    package let chunkSize: Int
    /// Whether the job is being stopped (cancelled, held, requeued, daemon shutdown): checked before the first
    /// chunk, after each delivered chunk (no further chunk starts) and by ``SearchDriver`` between generations,
    /// so a stopped search ends within one chunk of candidates per worker.
    package var shouldStop: @Sendable () -> Bool = { false }

    /// The evaluation of every schedule on `prompts`, in order; `counters` counts fresh and reused ones.
    package func evaluate(
        _ schedules: [Schedule], prompts: [String], counters: inout SearchCounters
    ) async throws -> [ECADStore.Evaluation] {
        let keys = schedules.map { plan.key(for: $0, prompts: prompts, modelDigest: modelDigest) }
        // Another job's failed candidates are evaluated again (their failure may have been the cluster's); this
        // job's own stay failed, so a resumed search ranks them as the uninterrupted one did.
        var found = try await persistence.stored(keys).filter { !$0.value.isFailed || $0.value.jobID == job }
        let missing = keys.indices.filter { found[keys[$0]] == nil }
        if !missing.isEmpty {
            if shouldStop() { throw DaemonError.stopped }
            let size = max(chunkSize, 1)
            let chunks = stride(from: 0, to: missing.count, by: size).map { Array(missing[$0..<min($0 + size, missing.count)]) }
            let (persistence, job, shouldStop) = (self.persistence, self.job, self.shouldStop)
            try await executor.run(chunks.map { $0.map { schedules[$0] } }, prompts: prompts) { index, results in
                let chunk = chunks[index]
                guard results.count == chunk.count else {
                    throw DaemonError.workerProtocol("asked to evaluate \(chunk.count) schedules, got \(results.count) results")
                }
                for (position, result) in results.enumerated() {
                    try await persistence.store(Self.makeEvaluation(result, key: keys[chunk[position]], prompts: prompts, job: job))
                }
                if shouldStop() { throw DaemonError.stopped }
            }
            found = try await persistence.stored(keys)
        }
        var evaluations: [ECADStore.Evaluation] = []
        for key in keys {
            guard let evaluation = found[key] else { throw DaemonError.workerProtocol("no result for \(key.scheduleDigest)") }
            if evaluation.jobID == job { counters.freshEvaluations += 1 } else { counters.reusedEvaluations += 1 }
            evaluations.append(evaluation)
        }
        return evaluations
    }

    /// The metrics the search uses for a stored evaluation of `schedule`; a failed candidate's are dominated by
    /// every evaluated one's, so it ranks last.
    package func metrics(_ evaluation: ECADStore.Evaluation, schedule: Schedule, fullFidelity: Bool) throws -> MemberMetrics {
        let rewards = evaluation.perPromptRewards
        let reward = rewards.isEmpty ? 0 : rewards.reduce(0, +) / Double(rewards.count)
        if evaluation.isFailed {
            // Dominated by every evaluated candidate: worse reward, more MACs than uncached, slower.
            return MemberMetrics(reward: reward, macFraction: 2, latencySeconds: 1e9, fullFidelity: fullFidelity)
        }
        return MemberMetrics(
            reward: reward, macFraction: try plan.macFraction(schedule),
            latencySeconds: evaluation.latencySeconds ?? 0, fullFidelity: fullFidelity)
    }

    private static func makeEvaluation(
        _ result: EvaluateResult.Evaluation, key: EvaluationKey, prompts: [String], job: JobID
    ) throws -> ECADStore.Evaluation {
        guard result.rewards.count == prompts.count, result.rewards.allSatisfy(\.isFinite),
            result.macs.isFinite, result.latencySeconds.isFinite
        else {
            throw DaemonError.workerProtocol(
                "evaluation of \(key.scheduleDigest) has \(result.rewards.count) rewards for \(prompts.count) prompts or a non-finite value")
        }
        let mean = result.rewards.isEmpty ? 0 : result.rewards.reduce(0, +) / Double(result.rewards.count)
        let failed = result.failure == nil ? "" : "," + ECADStore.Evaluation.failedMarker
        return ECADStore.Evaluation(
            key: key, metricsJSON: "{\"reward\":\(mean),\"latency_seconds\":\(result.latencySeconds)\(failed)}",
            perPromptRewards: result.rewards, macs: Int64(result.macs.rounded()), latencySeconds: result.latencySeconds,
            jobID: job)
    }
}
