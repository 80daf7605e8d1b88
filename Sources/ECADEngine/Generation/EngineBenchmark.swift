import ECADCore
import Foundation

/// Timing helpers for Benchmarks/engine: sampling throughput under schedules and GEMM efficiency.
public enum EngineBenchmark {
    /// One schedule's timing.
    public struct ScheduleTiming: Sendable {
        /// The schedule's label.
        public var name: String
        /// Best wall-clock seconds of a full sampling run.
        public var seconds: Double
        /// Images per second at that time.
        public var imagesPerSecond: Double
        /// MACs executed by one run (all layers, attention matmuls included).
        public var executedMACs: Int
        /// Peak bytes of stored component outputs.
        public var peakCacheBytes: Int
    }

    /// One linear shape's throughput through the engine and through bare `cblas_sgemm`.
    public struct GEMMTiming: Sendable {
        /// `[m, k] x [k, n]`.
        public var m: Int, n: Int, k: Int
        /// GFLOP/s through `Kernels.linear` (bias included) and bare sgemm.
        public var engineGFLOPS: Double, bareGFLOPS: Double
    }

    /// Times `repeats` full guided sampling runs of `images` images per schedule (best run reported). Runs go
    /// round-robin (every schedule once per round), so a slow spell of a shared machine hits all schedules
    /// alike instead of one schedule's back-to-back repeats.
    public static func sampling(
        model: PixArtTransformer, images: Int, contextTokens: Int, steps: Int,
        schedules: [(String, Schedule)], repeats: Int
    ) throws -> [ScheduleTiming] {
        let c = model.config
        var noise = GaussianNoise(seed: 1)
        let x = noise.tensor([images, c.inChannels, c.sampleSize, c.sampleSize])
        let width = c.captionChannels ?? c.innerDim
        let cond = CaptionBatch(states: noise.tensor([images, contextTokens, width]), mask: nil)
        let uncond = CaptionBatch(states: noise.tensor([images, contextTokens, width]), mask: nil)
        let pipeline = DiffusionPipeline(model: model)
        var best = [Double](repeating: .infinity, count: schedules.count)
        var stats = [RunStatistics?](repeating: nil, count: schedules.count)
        for _ in 0..<max(1, repeats) {
            for (index, (_, schedule)) in schedules.enumerated() {
                var sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: steps)
                let result = try pipeline.generate(
                    noise: x, conditional: cond, unconditional: uncond, guidanceScale: 4.5, sampler: &sampler, schedule: schedule)
                best[index] = min(best[index], result.statistics.seconds)
                stats[index] = result.statistics
            }
        }
        return schedules.enumerated().map { index, entry in
            ScheduleTiming(
                name: entry.0, seconds: best[index], imagesPerSecond: Double(images) / best[index],
                executedMACs: stats[index]?.executedMACs ?? 0, peakCacheBytes: stats[index]?.peakCacheBytes ?? 0)
        }
    }

    /// GEMM throughput for every distinct linear shape of `model` at `batch` sequences.
    public static func gemm(model: PixArtTransformer, batch: Int, contextTokens: Int, repeats: Int) -> [GEMMTiming] {
        let w = model.weights
        let tokens = model.config.tokenCount
        var shapes: [(Int, LinearWeights)] = [(tokens, w.patchEmbedding), (tokens, w.projectionOut)]
        if let block = w.blocks.first {
            shapes += [(tokens, block.selfAttention.query), (contextTokens, block.crossAttention.key),
                       (tokens, block.feedForwardIn), (tokens, block.feedForwardOut)]
        }
        return shapes.map { rows, layer in
            let m = rows * batch
            let x = Tensor(repeating: 0.5, shape: [m, layer.inputs])
            var best = Double.infinity
            for round in 0...max(1, repeats) {
                let start = Date()
                _ = layer(x)
                if round > 0 { best = min(best, Date().timeIntervalSince(start)) }
            }
            let bare = Kernels.bareSGEMMSeconds(m: m, n: layer.outputs, k: layer.inputs, repeats: repeats)
            let flops = 2 * Double(m * layer.outputs * layer.inputs) / 1e9
            return GEMMTiming(m: m, n: layer.outputs, k: layer.inputs, engineGFLOPS: flops / best, bareGFLOPS: flops / bare)
        }
    }
}
