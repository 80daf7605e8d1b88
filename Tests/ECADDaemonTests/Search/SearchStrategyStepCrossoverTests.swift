@testable import ECADDaemon
import ECADCore
import ECADSearch
import Foundation
import Testing

/// Structure-aware crossover (`[operators] crossover = "step-k-point"`): cuts only between whole denoising steps.
struct SearchStrategyStepCrossoverTests {
    private let models: URL
    private static let steps = "[operators]\ncrossover = \"step-k-point\""

    init() throws { models = try SearchFixture.modelsDirectory() }

    @Test func theCrossoverIsAlignedToOneStepOfTheModelsBits() throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(Self.steps), models: models)
        let layout = plan.codec.layout
        #expect(plan.configuration.crossover.kind == .kPoint)
        #expect(plan.configuration.crossover.alignment == layout.blockCount * layout.componentsPerBlock)
        let plain = try SearchFixture.plan(SearchFixture.spec(), models: models)
        #expect(plain.configuration.crossover.alignment == 1)
    }

    @Test func interruptedRunsEndWithTheUninterruptedFront() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(Self.steps), models: models)
        let (store, job) = try await SearchFixture.store()
        let expected = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let crashed = try await CrashedSearch.run(plan, seed: 31)
        #expect(crashed.interruptions > 3)
        #expect(crashed.final.state == expected.state && crashed.final.front == expected.front)
    }

    @Test func anUnknownCrossoverIsRefusedNamingTheField() {
        let refusal = SearchFixture.refusal("[operators]\ncrossover = \"steps\"")
        #expect(refusal.contains("search.operators.crossover"), "\(refusal)")
    }
}
