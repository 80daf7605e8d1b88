import ECADCore
import ECADMetrics
import ECADWorkerProtocol

/// One `evaluate` request: its checked options, the Fréchet reference set (rendered once) and the image writer,
/// applied schedule by schedule (docs/worker-protocol.md, "evaluate").
///
/// The caller evaluates the schedules in `order` (the baseline first) and passes the baseline's images to
/// every later schedule. Apart from latency, the same request gives the same numbers.
struct EvaluationSession: Sendable {
    /// A scored schedule and the images of its first run.
    struct Outcome: Sendable {
        /// The evaluation to answer with.
        var evaluation: EvaluateResult.Evaluation
        /// The first run's images, prompt-major then seed.
        var images: [RGBImage]
    }

    /// Samples and rewards schedules.
    let evaluator: ScheduleEvaluator
    /// The request being answered.
    let request: EvaluateRequest
    /// Its checked optional fields.
    let options: EvaluateOptions
    /// The Fréchet reference set, when asked for.
    let reference: FrechetReferenceSet?
    /// The image writer, when an image directory is given.
    let imageWriter: EvaluationImageWriter?

    /// Checks the request's options and renders the reference set if asked; throws `WorkerError` on bad input.
    init(model: ModelBundle, request: EvaluateRequest) throws {
        let options = try EvaluateOptions(request)
        evaluator = ScheduleEvaluator(model: model)
        self.request = request
        self.options = options
        reference = try options.frechetReference.map { _ in
            try FrechetReferenceSet(prompts: request.prompts, seeds: request.seeds)
        }
        imageWriter = options.imageDirectory.map {
            EvaluationImageWriter(directory: $0, prompts: request.prompts, seeds: request.seeds)
        }
    }

    /// Schedule indices in evaluation order, the baseline first.
    var order: [Int] { options.order(scheduleCount: request.schedules.count) }

    /// Evaluates `schedules` (the request's, decoded) in `order` on ``EngineThread``, calling `progress` with the
    /// number done after each, and answers in request order.
    func evaluateAll(
        _ schedules: [Schedule], progress: @Sendable (Int) async -> Void
    ) async throws -> EvaluateResult {
        guard schedules.count == request.schedules.count else {
            throw WorkerError("\(schedules.count) decoded schedules for \(request.schedules.count) in the request")
        }
        try await EngineThread.run { [evaluator, request] in evaluator.warmUp(request: request) }
        var evaluations = [EvaluateResult.Evaluation?](repeating: nil, count: schedules.count)
        var baseline: [RGBImage]?
        for (done, index) in order.enumerated() {
            let reference = baseline
            let outcome = try await EngineThread.run { try evaluate(schedules[index], index: index, baseline: reference) }
            if index == options.baselineIndex { baseline = outcome.images }
            evaluations[index] = outcome.evaluation
            await progress(done + 1)
        }
        return EvaluateResult(evaluations: evaluations.compactMap { $0 })
    }

    /// Samples schedule `index` `latencyRepeats` times, scores the first run's images (rewards, fidelity against
    /// `baseline`, Fréchet distance) and writes them when asked. `baseline` is nil only for the baseline itself
    /// (which is compared with its own images) or when no baseline was asked for.
    func evaluate(_ schedule: Schedule?, index: Int, baseline: [RGBImage]?) throws -> Outcome {
        let first = try evaluator.run(schedule, request: request)
        var seconds = [first.secondsPerImage]
        for _ in 1..<options.latencyRepeats {
            seconds.append(try evaluator.run(schedule, request: request).secondsPerImage)
        }
        var evaluation = EvaluateResult.Evaluation(
            index: index, rewards: first.rewards, macs: first.macs, latencySeconds: Self.median(seconds),
            latencyRepeats: options.reportsRepeats ? seconds : nil)
        if options.baselineIndex != nil, let reference = index == options.baselineIndex ? first.images : baseline {
            (evaluation.psnr, evaluation.ssim) = try BaselineFidelity.compare(first.images, baseline: reference)
        }
        evaluation.frechetDistance = try reference?.distance(to: first.images)
        if let written = try imageWriter?.write(first.images, scheduleIndex: index) {
            evaluation.images = written.images
            evaluation.grid = written.grid
        }
        return Outcome(evaluation: evaluation, images: first.images)
    }

    /// The median of a non-empty list (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
