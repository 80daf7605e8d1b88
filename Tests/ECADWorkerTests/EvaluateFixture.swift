import ECADCore
import ECADWorkerProtocol
import Foundation
@testable import ECADWorker

/// The embedded model (models/shapes32) and small evaluate requests on it: 2 prompts x 2 seeds, 2 sampler steps.
enum EvaluateFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let prompts = ["a small red circle at the top left", "a yellow square left of a green ring"]
    static let seeds: [UInt64] = [3, 7]
    static let steps = 2
    static let sampler = SamplerSettings(name: "dpmpp-2m", steps: steps, guidance: 4.5)

    /// The loaded shapes32 bundle.
    static func model() throws -> ModelBundle {
        try ModelBundle.load(directory: packageRoot.appendingPathComponent("models/shapes32").path)
    }

    /// The uncached schedule of a model with `blocks` blocks.
    static func full(blocks: Int) -> WireSchedule {
        WireSchedule.computeAll(steps: steps, blocks: blocks, components: WireSchedule.pixartComponents)
    }

    /// A cached schedule: the last step reuses every component, the first computes everything.
    static func cached(blocks: Int) -> WireSchedule {
        let perStep = blocks * WireSchedule.pixartComponents.count
        let bytes = Schedule.packBits(count: steps * perStep) { $0 / perStep != steps - 1 }
        return WireSchedule(
            steps: steps, blocks: blocks, components: WireSchedule.pixartComponents,
            bits: Data(bytes).base64EncodedString())
    }

    /// An evaluate request on `schedules` with the fixture's prompts, seeds and sampler.
    static func request(
        _ schedules: [WireSchedule], baselineIndex: Int? = nil, frechetReference: String? = nil,
        latencyRepeats: Int? = nil, imageDirectory: String? = nil, prompts: [String] = prompts, seeds: [UInt64] = seeds
    ) -> EvaluateRequest {
        EvaluateRequest(
            schedules: schedules, prompts: prompts, seeds: seeds, sampler: sampler, baselineIndex: baselineIndex,
            frechetReference: frechetReference, latencyRepeats: latencyRepeats, imageDirectory: imageDirectory)
    }

    /// Runs `request` through an ``EvaluationSession`` and returns its answer.
    static func evaluate(_ request: EvaluateRequest, model: ModelBundle) async throws -> EvaluateResult {
        let blocks = model.transformer.config.numLayers
        let schedules = try request.schedules.map { try $0.schedule(blocks: blocks) }
        let session = try EvaluationSession(model: model, request: request)
        return try await session.evaluateAll(schedules) { _ in }
    }

    /// A fresh empty directory under the temporary folder.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-evaluate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
