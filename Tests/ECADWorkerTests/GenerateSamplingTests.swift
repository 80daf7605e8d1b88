import ECADMetrics
import Foundation
import Testing
@testable import ECADWorker

/// `generate` renders every prompt under every seed (not one seed per prompt) and draws its grid in the worker.
struct GenerateSamplingTests {
    @Test func everyPromptIsSampledUnderEverySeed() throws {
        let model = try EvaluateFixture.model()
        let sampler = ScheduleEvaluator(model: model)
        let (prompts, seeds) = (EvaluateFixture.prompts, [UInt64(3), 7, 9])
        let run = try sampler.sample(nil, prompts: prompts, seeds: seeds, sampler: EvaluateFixture.sampler)
        #expect(run.images.count == prompts.count * seeds.count)
        // Image (prompt 1, seed 7) equals the same prompt and seed sampled alone.
        let alone = try sampler.sample(nil, prompts: [prompts[1]], seeds: [7], sampler: EvaluateFixture.sampler)
        #expect(run.images[1 * seeds.count + 1] == alone.images[0])
        #expect(run.macs > 0)

        let labelled = try GenerateGrid(prompts: prompts, seeds: seeds, columns: nil).image(run.images)
        let plain = try GenerateGrid(prompts: prompts, seeds: seeds, columns: 2).image(run.images)
        #expect(labelled.width > plain.width)  // three labelled columns against two plain ones
        #expect(plain.height > labelled.height)  // three rows of two against two labelled rows of three
    }
}
