import ECADCore
import ECADWorkerProtocol

/// Scores schedules on prompts (the job's worker, or an in-process function in tests).
package protocol SearchEvaluator {
    /// Scores `schedules` on `prompts` × the plan's seeds; one result per schedule, in order.
    func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation]
}
