import ECADCore
import Foundation
import Testing
@testable import ECADEngine

/// The step runner under schedules: identity when computing everything, FORA against an independent
/// reference, executed MACs against ECADCore's cost model, and look-ahead cache memory.
struct CachedSamplingTests {
    static let steps = 6

    static func fixture() throws -> (PixArtTransformer, Tensor, CaptionBatch, CaptionBatch) {
        let model = try TestModels.model(seed: 3)
        var noise = GaussianNoise(seed: 9)
        let cond = TestModels.captions(model, count: 2, seed: 4)
        let uncond = TestModels.captions(model, count: 2, padding: 4, seed: 5)
        return (model, noise.tensor([2, 3, 8, 8]), cond, uncond)
    }

    static func schedule(_ model: PixArtTransformer, _ compute: (Int, Int, Int) -> Bool) throws -> Schedule {
        let layout = try BlockLayout.pixart(blocks: model.config.numLayers)
        var bits: [Bool] = []
        for s in 0..<steps { for b in 0..<layout.blockCount { for c in 0..<3 { bits.append(compute(s, b, c)) } } }
        return try Schedule(steps: steps, layout: layout, bits: bits)
    }

    static func run(_ model: PixArtTransformer, _ noise: Tensor, _ cond: CaptionBatch, _ uncond: CaptionBatch,
                    schedule: Schedule?) throws -> GenerationResult {
        var sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: steps)
        return try DiffusionPipeline(model: model).generate(
            noise: noise, conditional: cond, unconditional: uncond, guidanceScale: 4.5, sampler: &sampler, schedule: schedule)
    }

    @Test func allComputeScheduleIsBitIdenticalToPlainForwardLoop() throws {
        let (model, noise, cond, uncond) = try Self.fixture()
        let cached = try Self.run(model, noise, cond, uncond, schedule: try Self.schedule(model) { _, _, _ in true })
        // The same loop by hand on the public plain forward pass.
        var sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: Self.steps)
        var sample = noise
        let both = CaptionBatch.stacked([uncond, cond])
        for (i, t) in sampler.timesteps.enumerated() {
            let out = try model.forward(PixArtInput(
                hiddenStates: Tensor.concatenate(outer: [sample, sample]), timesteps: [t, t, t, t],
                encoderHiddenStates: both.states, encoderAttentionMask: both.mask))
            sample = sampler.step(modelOutput: DiffusionPipeline.guide(out, scale: 4.5), index: i, sample: sample)
        }
        #expect(cached.images == sample)
        #expect(cached.statistics.peakCacheBytes == 0)
        #expect(cached.statistics.reusedComponents == 0)
    }

    @Test func foraEveryTwoMatchesIndependentReference() throws {
        let (model, noise, cond, uncond) = try Self.fixture()
        let fora = try Self.schedule(model) { s, _, _ in s % 2 == 0 }
        let cached = try Self.run(model, noise, cond, uncond, schedule: fora)
        var reference = ReferenceFORA(model: model, every: 2)
        var sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: Self.steps)
        var sample = noise
        let both = CaptionBatch.stacked([uncond, cond])
        for (i, t) in sampler.timesteps.enumerated() {
            let out = reference.forward(Tensor.concatenate(outer: [sample, sample]), timestep: t, captions: both, step: i)
            sample = sampler.step(modelOutput: DiffusionPipeline.guide(out, scale: 4.5), index: i, sample: sample)
        }
        #expect(cached.images.maxDifference(sample) <= 1e-5 * max(1, sample.maxAbs))
        let uncached = try Self.run(model, noise, cond, uncond, schedule: nil)
        #expect(cached.images.maxDifference(uncached.images) > 1e-4, "caching must change the result")
        #expect(cached.statistics.reusedComponents == 3 * model.config.numLayers * 3)
    }

    @Test func executedMACsEqualCostModel() throws {
        let (model, noise, cond, uncond) = try Self.fixture()
        let config = try ModelConfig.pixart(
            fromDiffusersConfig: Array(TestModels.configJSON().utf8), textTokens: 5, batch: 4)
        let cost = CostModel(config: config)
        let patterns: [(Int, Int, Int) -> Bool] = [{ _, _, _ in true }, { s, _, _ in s % 3 == 0 }, { s, b, c in (s + b + c) % 2 == 0 }]
        for pattern in patterns {
            let plan = try Self.schedule(model, pattern)
            let stats = try Self.run(model, noise, cond, uncond, schedule: plan).statistics
            let expected = try cost.totalMACs(plan)
            #expect(stats.executedMACs == expected.total)
            #expect(stats.executedLinearMACs == expected.linear)
        }
    }

    @Test func cacheKeepsOnlyOutputsALaterStepReuses() throws {
        let (model, noise, cond, uncond) = try Self.fixture()
        let oneTensor = 4 * model.config.tokenCount * model.config.innerDim * MemoryLayout<Float>.stride
        // Only block 1's ff is ever reused (at step 3): one stored tensor at the peak.
        let single = try Self.schedule(model) { s, b, c in !(s == 3 && b == 1 && c == 2) }
        #expect(try Self.run(model, noise, cond, uncond, schedule: single).statistics.peakCacheBytes == oneTensor)
        let fora = try Self.schedule(model) { s, _, _ in s % 2 == 0 }
        let stats = try Self.run(model, noise, cond, uncond, schedule: fora).statistics
        #expect(stats.peakCacheBytes == 3 * model.config.numLayers * oneTensor)
        // Step-0 bits are ignored: step 0 always computes.
        let zeroStart = try Self.schedule(model) { s, _, _ in s != 0 }
        #expect(try Self.run(model, noise, cond, uncond, schedule: zeroStart).statistics.reusedComponents == 0)
    }
}
