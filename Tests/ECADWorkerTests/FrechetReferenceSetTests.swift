import ECADMetrics
import ECADShapes
import Testing
@testable import ECADWorker

/// The `"prompts"` reference set with few images (n far below the 117 feature dimensions).
struct FrechetReferenceSetTests {
    private let prompts = ["a small red circle at the top left", "a yellow square left of a green ring"]

    @Test func aSmallSetAgainstItsOwnRendersIsAtZeroAndAgainstOthersPositive() throws {
        let seeds: [UInt64] = [1, 2, 3, 4]
        let reference = try FrechetReferenceSet(prompts: prompts, seeds: seeds)
        #expect(reference.statistics.count == 8)
        let renderer = ShapesRenderer()
        let own = try prompts.map { try ShapesPrompt.parse($0) }
            .flatMap { prompt in seeds.map { RGBImage(renderer.render(prompt, seed: $0)) } }
        #expect(try reference.distance(to: own) < 1e-6)
        let shifted = try prompts.map { try ShapesPrompt.parse($0) }
            .flatMap { prompt in seeds.map { RGBImage(renderer.render(prompt, seed: $0 + 100)) } }
        let distance = try reference.distance(to: shifted)
        #expect(distance.isFinite && distance > 1e-3)
        let gray = try [RGBImage](repeating: RGBImage(width: 32, height: 32, fill: RGBColor(red: 128, green: 128, blue: 128)), count: 8)
        #expect(try reference.distance(to: gray) > distance)
    }

    @Test func oneImageIsRefused() {
        #expect(throws: WorkerError.self) { try FrechetReferenceSet(prompts: [prompts[0]], seeds: [1]) }
    }
}
