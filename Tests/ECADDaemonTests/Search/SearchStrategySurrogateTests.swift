@testable import ECADDaemon
import ECADCore
import ECADSearch
import ECADStore
import Foundation
import Testing

/// Surrogate screening of offspring (`[strategy] surrogate`) in the search driver, with the deterministic toy
/// evaluator (whose reward falls with every reused bit, more for early steps: a surrogate can learn it).
struct SearchStrategySurrogateTests {
    private let models: URL
    private static let surrogate = "[strategy]\nsurrogate = true\nsurrogate_pool = 4"

    init() throws { models = try SearchFixture.modelsDirectory() }

    @Test func theSurrogateReachesAHigherHypervolumeForTheSameEvaluations() async throws {
        let plain = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let screened = try SearchFixture.plan(SearchFixture.spec(Self.surrogate), models: models)
        let (plainStore, plainJob) = try await SearchFixture.store()
        let plainEvaluator = ToyEvaluator()
        let baseline = try await SearchFixture.run(plain, store: plainStore, job: plainJob, evaluator: plainEvaluator)
        let (store, job) = try await SearchFixture.store()
        let evaluator = ToyEvaluator()
        let result = try await SearchFixture.run(screened, store: store, job: job, evaluator: evaluator)
        #expect(evaluator.evaluations == plainEvaluator.evaluations, "one offspring batch per generation either way")
        #expect(result.hypervolume > baseline.hypervolume, "\(result.hypervolume) vs plain \(baseline.hypervolume)")
        // Every evaluated candidate is a sample, in order, and only evaluated candidates were archived.
        let samples = try #require(result.samples)
        #expect(samples.count == result.state.archive.count)
        #expect(Set(samples.map(\.genome)).count == samples.count)
        #expect(baseline.samples == nil)
    }

    @Test(arguments: [false, true])
    func interruptedSurrogateRunsEndWithTheUninterruptedFront(racing: Bool) async throws {
        let extra = Self.surrogate + (racing ? "\nracing = true\nrace_chunks = 3\nrace_margin = 0.0" : "")
        let plan = try SearchFixture.plan(SearchFixture.spec(extra), models: models)
        let (cleanStore, cleanJob) = try await SearchFixture.store()
        let clean = ToyEvaluator()
        let expected = try await SearchFixture.run(plan, store: cleanStore, job: cleanJob, evaluator: clean)
        let crashed = try await CrashedSearch.run(plan, seed: racing ? 21 : 22)
        #expect(crashed.interruptions > 3)
        #expect(crashed.final.state == expected.state)
        #expect(crashed.final.samples == expected.samples)
        #expect(crashed.final.front == expected.front)
        #expect(crashed.final.counters == expected.counters)
        // Results are stored as they arrive: a crash loses at most the request in flight.
        #expect(crashed.requested - clean.evaluations <= crashed.interruptions * 3)
    }

    @Test func anEvaluationBudgetHoldsWithinOneBatch() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec("evaluations = 20\n" + Self.surrogate), models: models)
        let (store, job) = try await SearchFixture.store()
        let result = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        #expect(result.stopReason == "evaluations")
        #expect(result.counters.freshEvaluations >= 20)
        #expect(result.counters.freshEvaluations < 20 + plan.configuration.offspringCount)
    }

    @Test(arguments: [
        ("surrogate_pool = 1", "search.strategy.surrogate_pool"),
        ("surrogate_pool = 17", "search.strategy.surrogate_pool"),
        ("surrogate_pool = 2.5", "search.strategy.surrogate_pool"),
        ("surrogate = 1", "search.strategy.surrogate"),
    ])
    func badSurrogateSettingsAreRefusedNamingTheField(setting: String, field: String) {
        let refusal = SearchFixture.refusal("[strategy]\n\(setting)")
        #expect(refusal.contains(field), "\(refusal)")
    }
}
