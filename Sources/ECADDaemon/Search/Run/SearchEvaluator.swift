import ECADCore
import ECADWorkerProtocol

/// Scores schedules on prompts, one request at a time: one worker (or an in-process function in tests). A
/// ``LocalWorkerPool`` drives one per worker.
package protocol SearchEvaluator: Sendable {
    /// Scores `schedules` on `prompts` × the plan's seeds; one result per schedule, in order.
    func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation]
}
