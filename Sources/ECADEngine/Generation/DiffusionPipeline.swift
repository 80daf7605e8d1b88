import ECADCore
import Foundation

/// The sampling loop: classifier-free guidance with both halves in one model batch, a sampler, and the
/// cache schedule deciding per step, block and component whether to compute or reuse.
public struct DiffusionPipeline: Sendable {
    /// The denoiser.
    public let model: PixArtTransformer

    /// Wraps a model.
    public init(model: PixArtTransformer) {
        self.model = model
    }

    /// The schedule that computes everything for `steps` steps.
    public func uncachedSchedule(steps: Int) throws -> Schedule {
        try Schedule(steps: steps, layout: try BlockLayout.pixart(blocks: model.config.numLayers), filled: true)
    }

    /// Runs `sampler` from `noise` `[N, Cin, H, W]`.
    ///
    /// With `unconditional` captions the model batch is `[uncond; cond]` (2N) and the guided output is
    /// `u + g * (c - u)`; without, the batch is N. A learned-sigma model's extra channels are dropped.
    /// - Parameter schedule: the cache plan; nil computes everything.
    public func generate<S: Sampler>(
        noise: Tensor, conditional: CaptionBatch, unconditional: CaptionBatch?, guidanceScale: Float,
        sampler: inout S, schedule: Schedule? = nil
    ) throws -> GenerationResult {
        let n = noise.shape.first ?? 0
        let config = model.config
        guard noise.rank == 4, noise.shape[1] == config.inChannels, conditional.count == n else {
            throw EngineError.invalidInput("noise \(noise.shape) and \(conditional.count) captions do not form a batch")
        }
        if let unconditional, unconditional.states.shape != conditional.states.shape {
            throw EngineError.invalidInput("unconditional captions \(unconditional.states.shape) vs \(conditional.states.shape)")
        }
        let plan = try schedule ?? uncachedSchedule(steps: sampler.stepCount)
        guard plan.steps == sampler.stepCount, plan.layout == (try BlockLayout.pixart(blocks: config.numLayers)) else {
            throw EngineError.invalidInput(
                "schedule is \(plan.steps) steps x \(plan.blocks) blocks x \(plan.components), model needs \(sampler.stepCount) x \(config.numLayers) x 3")
        }
        let captions = unconditional.map { CaptionBatch.stacked([$0, conditional]) } ?? conditional
        let batch = captions.count
        let input = PixArtInput(
            hiddenStates: noise, timesteps: Array(repeating: 0, count: n),
            encoderHiddenStates: conditional.states, encoderAttentionMask: conditional.mask)
        try input.validate(for: config)

        let p = config.patchSize
        let tokens = (noise.shape[2] / p) * (noise.shape[3] / p)
        let contextTokens = captions.states.shape[1]
        let rest = model.restMACs(batch: batch, tokens: tokens, contextTokens: contextTokens)
        let groups = PixArtTransformer.sequenceGroups(batch: batch)
        var caches = groups.map { group in
            ComponentCache(schedule: plan, componentMACs: BlockComponent.allCases.map {
                model.componentMACs($0, batch: group.count, tokens: tokens, contextTokens: contextTokens)
            })
        }
        let start = Date()
        var sample = Tensor(shape: noise.shape, scalars: noise.scalars.map { $0 * sampler.initialNoiseScale })
        for (index, t) in sampler.timesteps.enumerated() {
            for g in caches.indices { caches[g].step = index }
            let modelInput = unconditional == nil ? sample : Tensor.concatenate(outer: [sample, sample])
            let context = model.prepareContext(captions.states, mask: captions.mask)
            let raw = model.forward(
                modelInput, timesteps: Array(repeating: t, count: batch), context: context, groups: groups,
                executors: &caches)
            let prediction = Self.leadingChannels(raw, config.inChannels)
            let guided = unconditional == nil ? prediction : Self.guide(prediction, scale: guidanceScale)
            sample = sampler.step(modelOutput: guided, index: index, sample: sample)
        }
        let executed = caches.reduce(rest * plan.steps) { $0 + $1.executed }
        // Every group's cache makes the same decisions at the same steps: counts are per run, bytes add up.
        let statistics = RunStatistics(
            executedMACs: executed.total, executedLinearMACs: executed.linear,
            computedComponents: caches.first?.computedCount ?? 0, reusedComponents: caches.first?.reusedCount ?? 0,
            peakCacheBytes: caches.reduce(0) { $0 + $1.peakBytes }, seconds: Date().timeIntervalSince(start))
        return GenerationResult(images: sample, statistics: statistics)
    }

    /// The first `channels` channels of `[B, C, H, W]` (the mean half of a learned-sigma output).
    static func leadingChannels(_ x: Tensor, _ channels: Int) -> Tensor {
        let (b, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        guard c != channels else { return x }
        var out: [Float] = []
        out.reserveCapacity(b * channels * h * w)
        for sample in 0..<b { out += x.scalars[(sample * c * h * w)..<((sample * c + channels) * h * w)] }
        return Tensor(shape: [b, channels, h, w], scalars: out)
    }

    /// Classifier-free guidance on a `[uncond; cond]` batch `[2N, ...]`: `u + g * (c - u)`, `[N, ...]`.
    static func guide(_ x: Tensor, scale g: Float) -> Tensor {
        let half = x.shape[0] / 2
        let perHalf = x.count / 2
        var out = [Float](repeating: 0, count: perHalf)
        for i in 0..<perHalf {
            let u = x.scalars[i]
            out[i] = u + g * (x.scalars[perHalf + i] - u)
        }
        return Tensor(shape: [half] + Array(x.shape.dropFirst()), scalars: out)
    }
}
