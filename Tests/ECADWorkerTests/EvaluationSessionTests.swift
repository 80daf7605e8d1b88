import ECADMetrics
import ECADWorkerProtocol
import Foundation
import PNGTestSupport
import Testing
@testable import ECADWorker

/// `evaluate` with the optional fields on the embedded model: fidelity against the baseline, images and grids,
/// the Fréchet distance and latency repeats.
struct EvaluationSessionTests {
    @Test func baselineFidelityAndFrechetDistanceAreDeterministic() async throws {
        let model = try EvaluateFixture.model()
        let blocks = model.transformer.config.numLayers
        // The baseline is the second schedule: it is evaluated first all the same.
        let request = EvaluateFixture.request(
            [EvaluateFixture.cached(blocks: blocks), EvaluateFixture.full(blocks: blocks)], baselineIndex: 1,
            frechetReference: "prompts", seeds: [3])
        let result = try await EvaluateFixture.evaluate(request, model: model)
        #expect(result.evaluations.map(\.index) == [0, 1])
        let cached = result.evaluations[0], baseline = result.evaluations[1]
        #expect(baseline.ssim == 1.0)
        #expect(baseline.psnr == nil)
        let psnr = try #require(cached.psnr)
        let ssim = try #require(cached.ssim)
        #expect(psnr.isFinite && psnr > 10)
        #expect(ssim > 0 && ssim < 1)
        #expect(cached.macs < baseline.macs)
        for evaluation in result.evaluations {
            let distance = try #require(evaluation.frechetDistance)
            #expect(distance.isFinite && distance > 0)
            #expect(evaluation.images == nil && evaluation.grid == nil && evaluation.latencyRepeats == nil)
        }
        let again = try await EvaluateFixture.evaluate(request, model: model)
        let withoutLatency = { (result: EvaluateResult) in
            result.evaluations.map { evaluation -> EvaluateResult.Evaluation in
                var copy = evaluation
                copy.latencySeconds = 0
                return copy
            }
        }
        #expect(withoutLatency(result) == withoutLatency(again))
    }

    @Test func plainRequestsKeepTheOldAnswer() async throws {
        let model = try EvaluateFixture.model()
        let request = EvaluateFixture.request(
            [EvaluateFixture.full(blocks: model.transformer.config.numLayers)],
            prompts: [EvaluateFixture.prompts[0]], seeds: [1])
        let evaluation = try #require(try await EvaluateFixture.evaluate(request, model: model).evaluations.first)
        #expect(evaluation.rewards.count == 1 && evaluation.latencySeconds > 0)
        #expect(evaluation.psnr == nil && evaluation.ssim == nil && evaluation.frechetDistance == nil)
        #expect(evaluation.images == nil && evaluation.grid == nil && evaluation.latencyRepeats == nil)
    }

    @Test func imagesGridAndLatencyRepeatsAreAnswered() async throws {
        let model = try EvaluateFixture.model()
        let blocks = model.transformer.config.numLayers
        let directory = try EvaluateFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let request = EvaluateFixture.request(
            [EvaluateFixture.full(blocks: blocks), EvaluateFixture.cached(blocks: blocks)], latencyRepeats: 2,
            imageDirectory: directory)
        let result = try await EvaluateFixture.evaluate(request, model: model)
        for evaluation in result.evaluations {
            let s = evaluation.index
            #expect(evaluation.images == ["s\(s)/p0-s3.png", "s\(s)/p0-s7.png", "s\(s)/p1-s3.png", "s\(s)/p1-s7.png"])
            #expect(evaluation.grid == "s\(s)/grid.png")
            let images = try (evaluation.images ?? []).map { try Self.decode("\(directory)/\($0)") }
            #expect(images.allSatisfy { $0.width == 32 && $0.height == 32 })
            let grid = try Self.decode("\(directory)/\(try #require(evaluation.grid))")
            let writer = EvaluationImageWriter(
                directory: directory, prompts: EvaluateFixture.prompts, seeds: EvaluateFixture.seeds)
            #expect(grid == (try writer.gridImage(images)))
            #expect(grid.width > 2 * 128 && grid.height > 2 * 128)
            let repeats = try #require(evaluation.latencyRepeats)
            #expect(repeats.count == 2 && repeats.allSatisfy { $0 > 0 })
            #expect(evaluation.latencySeconds == (repeats[0] + repeats[1]) / 2)
        }
        // Different schedules give different pictures.
        let first = try Self.decode("\(directory)/s0/p0-s3.png"), second = try Self.decode("\(directory)/s1/p0-s3.png")
        #expect(first != second)
    }

    private static func decode(_ path: String) throws -> RGBImage {
        try PNGDecoder.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
