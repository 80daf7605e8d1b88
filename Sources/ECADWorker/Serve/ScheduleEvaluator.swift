import ECADCore
import ECADEngine
import ECADMetrics
import ECADShapes
import ECADWorkerProtocol

/// Samples schedules for `evaluate`: every prompt under every seed, rewarded by the shapes scorer.
struct ScheduleEvaluator: Sendable {
    /// One sampling pass of a schedule over prompts x seeds.
    struct Run: Sendable {
        /// Reward per prompt (mean over seeds), in prompt order.
        var rewards: [Double]
        /// Executed multiply-accumulates per image.
        var macs: Double
        /// Wall-clock sampling seconds per image (decoding and scoring not included).
        var secondsPerImage: Double
        /// The images, prompt-major then seed (`images[p * seeds + s]`).
        var images: [RGBImage]
    }

    /// The loaded model.
    let model: ModelBundle
    /// Images per guided batch (the model batch is twice this).
    let batchLimit = 32

    /// Samples every prompt under every seed once with `schedule` (nil computes everything) and scores the images.
    func run(_ schedule: Schedule?, request: EvaluateRequest) throws -> Run {
        let prompts = try request.prompts.map { text in
            do { return try ShapesPrompt.parse(text) } catch { throw WorkerError("prompt \"\(text)\": \(error)") }
        }
        guard !request.prompts.isEmpty, !request.seeds.isEmpty else { throw WorkerError("evaluate needs prompts and seeds") }
        var run = try sample(schedule, prompts: request.prompts, seeds: request.seeds, sampler: request.sampler)
        var rewardSums = [Double](repeating: 0, count: prompts.count)
        for (index, image) in run.images.enumerated() {
            let prompt = index / request.seeds.count
            rewardSums[prompt] += Double(ShapesReward.score(image: try image.shapesImage(), prompt: prompts[prompt]).total)
        }
        run.rewards = rewardSums.map { $0 / Double(request.seeds.count) }
        return run
    }

    /// One untimed guided batch the size of the request's first batch (2 steps, every component computed), so
    /// the first timed schedule does not also pay for the process's first touch of its activation memory: with
    /// the engine's allocator settings later runs reuse it, and an evaluation timed cold made the baseline look
    /// slow and every speedup too large (uncached 606 ms/img against 168 ms/img for FORA-2, a 3.6x "measured"
    /// speedup for 1.99x the MACs). Errors are left to the timed run that follows, which reports them.
    func warmUp(request: EvaluateRequest) {
        // Enough prompts for one full batch under all the seeds (a single prompt when the seeds alone fill it).
        let prompts = Array(request.prompts.prefix(max(1, batchLimit / max(1, request.seeds.count))))
        var sampler = request.sampler
        sampler.steps = min(2, sampler.steps)
        _ = try? sample(nil, prompts: prompts, seeds: request.seeds, sampler: sampler)
    }

    /// Samples every prompt under every seed once (prompt-major), in guided batches of at most ``batchLimit``
    /// images; `rewards` is left empty.
    func sample(_ schedule: Schedule?, prompts: [String], seeds: [UInt64], sampler: SamplerSettings) throws -> Run {
        let jobs = prompts.indices.flatMap { p in seeds.map { (prompt: p, seed: $0) } }
        var images: [RGBImage] = []
        images.reserveCapacity(jobs.count)
        var seconds = 0.0
        var macs = 0
        for start in stride(from: 0, to: jobs.count, by: batchLimit) {
            let chunk = Array(jobs[start..<min(jobs.count, start + batchLimit)])
            let result = try model.generate(
                prompts: chunk.map { prompts[$0.prompt] }, seeds: chunk.map(\.seed), schedule: schedule,
                steps: sampler.steps, guidanceScale: Float(sampler.guidance),
                sampler: sampler.name.replacingOccurrences(of: "-", with: "_"))
            seconds += result.statistics.seconds
            macs += result.statistics.executedMACs
            for offset in chunk.indices { images.append(try RGBImage(sample: result.images, index: offset)) }
        }
        let count = Double(max(jobs.count, 1))
        return Run(rewards: [], macs: Double(macs) / count, secondsPerImage: seconds / count, images: images)
    }
}
