import ECADCore
import ECADWorkerProtocol

/// Where a search's missing candidates are evaluated: the seam between ``BatchEvaluator`` and the workers.
///
/// ``LocalWorkerPool`` spreads chunks over the job's local workers (its own worker plus the slots the scheduler
/// lends it); a remote executor (a Slurm array) implements the same call. ``BatchEvaluator`` stores each chunk's
/// results as they are delivered and assembles the batch in input order from the store, so neither the number of
/// workers nor the order results come back in can change the search.
package protocol EvaluationExecutor: Sendable {
    /// Evaluates every chunk of schedules on `prompts` (× the plan's seeds, with its sampler), calling
    /// `deliver(index, results)` once per chunk as it finishes, in any order, with one result per schedule of
    /// `chunks[index]`, in that chunk's order.
    ///
    /// Returns when every chunk was delivered. When `deliver` throws (the job is being stopped, the store refused
    /// a write), no further chunk is started and `run` rethrows that error; results that arrive afterwards may
    /// still be delivered. A chunk whose evaluation was lost (its worker died) is evaluated again or the call
    /// throws; it is never silently dropped.
    func run(
        _ chunks: [[Schedule]], prompts: [String],
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws
}
