import ECADCore
import ECADEngine
import ECADMetrics
import ECADShapes
import ECADWorkerProtocol

/// Scores schedules for `evaluate`: every prompt under every seed, rewarded by the shapes scorer.
struct ScheduleEvaluator: Sendable {
    /// The loaded model.
    let model: ModelBundle
    /// Images per guided batch (the model batch is twice this).
    let batchLimit = 32

    /// Rewards (mean over seeds, per prompt), MACs and seconds per image for one schedule.
    func evaluate(_ schedule: Schedule?, index: Int, request: EvaluateRequest) throws -> EvaluateResult.Evaluation {
        let prompts = try request.prompts.map { text in
            do { return try ShapesPrompt.parse(text) } catch { throw WorkerError("prompt \"\(text)\": \(error)") }
        }
        guard !request.prompts.isEmpty, !request.seeds.isEmpty else { throw WorkerError("evaluate needs prompts and seeds") }
        let jobs = request.prompts.indices.flatMap { p in request.seeds.map { (prompt: p, seed: $0) } }
        var rewardSums = [Double](repeating: 0, count: request.prompts.count)
        var seconds = 0.0
        var macs = 0
        for start in stride(from: 0, to: jobs.count, by: batchLimit) {
            let chunk = Array(jobs[start..<min(jobs.count, start + batchLimit)])
            let result = try model.generate(
                prompts: chunk.map { request.prompts[$0.prompt] }, seeds: chunk.map(\.seed), schedule: schedule,
                steps: request.sampler.steps, guidanceScale: Float(request.sampler.guidance),
                sampler: request.sampler.name.replacingOccurrences(of: "-", with: "_"))
            seconds += result.statistics.seconds
            macs += result.statistics.executedMACs
            for (offset, job) in chunk.enumerated() {
                let image = try RGBImage(sample: result.images, index: offset).shapesImage()
                rewardSums[job.prompt] += Double(ShapesReward.score(image: image, prompt: prompts[job.prompt]).total)
            }
        }
        let images = Double(jobs.count)
        return EvaluateResult.Evaluation(
            index: index, rewards: rewardSums.map { $0 / Double(request.seeds.count) },
            macs: Double(macs) / images, latencySeconds: seconds / images)
    }
}
