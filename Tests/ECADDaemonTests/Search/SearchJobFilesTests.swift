@testable import ECADDaemon
import ECADCore
import Foundation
import Testing

/// The shipped search specs parse and plan against the embedded model in `models/shapes32`.
struct SearchJobFilesTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [("shapes32-quick.toml", 16, 4, 16), ("shapes32-overnight.toml", 72, 50, 64)])
    func shippedSpecsPlanOnShapes32(file: String, population: Int, generations: Int, prompts: Int) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("jobs/\(file)"), encoding: .utf8)
        guard case .search(let spec) = try JobSpec.load(text).spec else {
            Issue.record("\(file) is not a search")
            return
        }
        #expect(spec.resolvedPopulation == population && spec.budgets.generations == generations)
        #expect(spec.setup.promptLimit == prompts)
        let model = try SearchModel(id: "shapes32", modelsDirectory: Self.root.appendingPathComponent("models"))
        #expect(model.config.layout.blockCount == 6)
        #expect(model.digestSource?.lastPathComponent == "diffusion_pytorch_model.safetensors")
        let calibration = (0..<prompts).map { "prompt \($0)" }
        let plan = try SearchPlan(spec: spec, model: model, prompts: calibration)
        #expect(plan.codec.genomeLength == 19 * 6 * 3)
        // Both use issue 14's strategies: racing over 4 chunks and surrogate screening.
        #expect(plan.raceChunks.count == 4 && plan.surrogate != nil)
        let seeds = spec.initialization.heuristics.map { text in
            Result { try plan.codec.genome(from: HeuristicFamily(parsing: text).schedule(steps: 20, layout: plan.codec.layout), field: text) }
        }
        #expect(seeds.allSatisfy { (try? $0.get()) != nil })
    }
}
