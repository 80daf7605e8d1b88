import Foundation
import Testing
@testable import ECADEngine
import ECADSearch

/// Work split across threads (attention pairs, elementwise rows) gives bit-identical results for any thread
/// count and from run to run; the fused and vectorized kernels agree with their plain definitions.
struct ThreadingTests {
    /// Runs `body` once with one engine thread and once with `threads`, restoring the previous count.
    static func withOneAnd<R>(_ threads: Int, _ body: () throws -> R) rethrows -> (R, R) {
        let previous = EngineRuntime.threadCount
        defer { EngineRuntime.setThreadCount(previous) }
        EngineRuntime.setThreadCount(1)
        let one = try body()
        EngineRuntime.setThreadCount(threads)
        return (one, try body())
    }

    @Test func samplingIsBitIdenticalForOneAndSeveralThreads() throws {
        // 64 tokens x 4 sequences: enough rows that every parallel kernel splits its work.
        let model = try TestModels.model(TestModels.configJSON(heads: 3, headDim: 8, sampleSize: 16), seed: 11)
        var noise = GaussianNoise(seed: 12)
        let x = noise.tensor([2, 3, 16, 16])
        let cond = TestModels.captions(model, count: 2, seed: 13)
        let uncond = TestModels.captions(model, count: 2, padding: 3, seed: 14)
        func run() throws -> Tensor {
            var sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: 3)
            return try DiffusionPipeline(model: model).generate(
                noise: x, conditional: cond, unconditional: uncond, guidanceScale: 4.5, sampler: &sampler).images
        }
        let (one, several) = try Self.withOneAnd(3) { try run() }
        #expect(one == several)
        #expect(try run() == several, "run to run")
    }

    @Test func kernelsAreBitIdenticalForOneAndSeveralThreads() {
        var rng = SplitMix64(seed: 21)
        let q = Tensor.random([3, 70, 24], generator: &rng)
        let kv = Tensor.random([3, 9, 24], generator: &rng)
        let bias = Tensor(shape: [3, 9], scalars: (0..<27).map { $0 % 4 == 0 ? -10000 : 0 })
        let scale = Tensor.random([3, 24], scale: 0.5, generator: &rng)
        let shift = Tensor.random([3, 24], generator: &rng)
        let tall = Tensor.random([700, 24], generator: &rng)
        let (wide, wideBias) = (Tensor.random([40, 24], generator: &rng), Tensor.random([40], generator: &rng))
        let inner = LinearWeights(weight: wide, bias: wideBias)
        let outer = LinearWeights(weight: Tensor.random([24, 40], generator: &rng), bias: nil)
        let (one, several) = Self.withOneAnd(2) {
            var h = q
            Kernels.addGated(&h, Kernels.attention(q: q, k: q, v: q, heads: 3, keyBias: nil), gate: scale)
            Kernels.addGated(&h, Kernels.attention(q: q, k: kv, v: kv, heads: 4, keyBias: bias), gate: nil)
            let normed = Kernels.layerNormModulate(h, eps: 1e-6, weight: nil, bias: nil, scale: scale, shift: shift)
            // 700 rows: three GEMM row blocks.
            let rows = Kernels.linear(tall, weight: wide, bias: wideBias)
            return [Kernels.geluTanh(normed), rows, Kernels.feedForward(tall, inner: inner, outer: outer)]
        }
        #expect(one == several)
    }

    @Test func fusedNormModulateMatchesSeparateSteps() {
        var rng = SplitMix64(seed: 22)
        let x = Tensor.random([2, 5, 20], scale: 3, generator: &rng)
        let (w, b) = (Tensor.random([20], generator: &rng), Tensor.random([20], generator: &rng))
        let (scale, shift) = (Tensor.random([2, 20], generator: &rng), Tensor.random([2, 20], generator: &rng))
        let fused = Kernels.layerNormModulate(x, eps: 1e-6, weight: w, bias: b, scale: scale, shift: shift)
        let separate = Kernels.modulate(Kernels.layerNorm(x, eps: 1e-6, weight: w, bias: b), scale: scale, shift: shift)
        #expect(fused.maxDifference(separate) < 1e-5)
    }

    @Test func laneReductionsAndBiasedSoftmaxMatchPlainForms() {
        let xs: [Float] = (0..<21).map { Float(($0 * 37) % 11) - 5.5 }
        xs.withBase { p in
            #expect(abs(Kernels.sum(p, count: 21) - xs.reduce(0, +)) < 1e-5)
            #expect(abs(Kernels.sum(p, count: 21, squared: true) - xs.reduce(0) { $0 + $1 * $1 }) < 1e-4)
            #expect(Kernels.maximum(p, count: 21) == xs.max())
            #expect(Kernels.maximum(p, count: 0) == -.infinity)
        }

        var rng = SplitMix64(seed: 23)
        let row = Tensor.random([2, 19], scale: 4, generator: &rng)
        let bias = Tensor(shape: [19], scalars: (0..<19).map { $0 % 5 == 0 ? -10000 : Float($0) / 10 })
        var biased = row.scalars
        biased.withMutableBase { p in bias.scalars.withBase { Kernels.softmaxRows(p, rows: 2, count: 19, bias: $0) } }
        let added = Tensor(shape: [2, 19], scalars: row.scalars.enumerated().map { $1 + bias.scalars[$0 % 19] })
        let expected = Kernels.softmax(added)
        #expect(Tensor(shape: [2, 19], scalars: biased).maxDifference(expected) < 1e-6)
        for i in 0..<38 where i % 19 % 5 == 0 { #expect(biased[i] == 0) }
    }
}
