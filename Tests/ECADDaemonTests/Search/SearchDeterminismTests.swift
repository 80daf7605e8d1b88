@testable import ECADDaemon
import ECADCore
import ECADSearch
import ECADStore
import Foundation
import Testing

struct SearchDeterminismTests {
    private let models: URL

    init() throws { models = try SearchFixture.modelsDirectory() }

    private func front(_ checkpoint: SearchCheckpoint, _ plan: SearchPlan) throws -> [String] {
        try SearchFront(checkpoint: checkpoint, codec: plan.codec).members.map {
            "\($0.digest.hex) \($0.metrics.reward) \($0.metrics.macFraction) \($0.metrics.fullFidelity)"
        }
    }

    @Test func theSameSpecAndSeedGiveTheSameFrontAndState() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (firstStore, firstJob) = try await SearchFixture.store()
        let (secondStore, secondJob) = try await SearchFixture.store()
        let first = try await SearchFixture.run(plan, store: firstStore, job: firstJob, evaluator: ToyEvaluator())
        let second = try await SearchFixture.run(plan, store: secondStore, job: secondJob, evaluator: ToyEvaluator())
        #expect(first.stopReason == "generations")
        #expect(first.state.generation == 5)
        #expect(try front(first, plan) == front(second, plan))
        #expect(first.state == second.state)
        #expect(!(try front(first, plan)).isEmpty)
    }

    @Test func aDifferentSeedGivesADifferentSearch() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let other = try SearchFixture.plan(SearchFixture.spec().with(seed: 8), models: models)
        let (store, job) = try await SearchFixture.store()
        let (otherStore, otherJob) = try await SearchFixture.store()
        let first = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let second = try await SearchFixture.run(other, store: otherStore, job: otherJob, evaluator: ToyEvaluator())
        #expect(first.state.archive != second.state.archive)
    }

    @Test(arguments: [false, true])
    func interruptedRunsEndWithTheUninterruptedFront(multiFidelity: Bool) async throws {
        let extra = multiFidelity ? "[multi_fidelity]\nenabled = true\nsubset_prompts = 2\npromote_fraction = 0.5" : ""
        let plan = try SearchFixture.plan(SearchFixture.spec(extra), models: models)
        let (cleanStore, cleanJob) = try await SearchFixture.store()
        let clean = ToyEvaluator()
        let expected = try await SearchFixture.run(plan, store: cleanStore, job: cleanJob, evaluator: clean)

        let crashed = try await CrashedSearch.run(plan, seed: multiFidelity ? 11 : 12)
        let chunk = 3, interruptions = crashed.interruptions, reevaluations = crashed.reevaluations
        let resumed = crashed.final
        #expect(interruptions > 3)
        #expect(try front(resumed, plan) == front(expected, plan))
        #expect(resumed.state == expected.state)
        #expect(resumed.counters == expected.counters)
        // Results are stored as they arrive: a crash loses at most the chunk in flight (≤ one batch).
        #expect(reevaluations <= interruptions * chunk)
        #expect(reevaluations > 0)
        #expect(crashed.seen.values.reduce(0, +) == clean.evaluations + reevaluations)
    }

    @Test func multiFidelitySavesImagesAndKeepsOnlyFullyEvaluatedMembersOnTheFront() async throws {
        let extra = "[multi_fidelity]\nenabled = true\nsubset_prompts = 2\npromote_fraction = 0.5"
        let plan = try SearchFixture.plan(SearchFixture.spec(extra), models: models)
        let (store, job) = try await SearchFixture.store()
        let result = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let members = try SearchFront(checkpoint: result, codec: plan.codec).members
        #expect(!members.isEmpty && members.allSatisfy(\.metrics.fullFidelity))
        #expect(result.counters.subsetEvaluations > 0)
        #expect(result.counters.promoted < result.counters.subsetEvaluations)
        #expect(result.counters.imagesSaved > 0)
    }

    @Test func aSecondSearchWithTheSameKeysReusesEveryEvaluation() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (store, job) = try await SearchFixture.store()
        let first = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let other = try await store.jobs.submit(NewJob(kind: .search, specJSON: "{}", ownerUID: 1000, ownerName: "test"))
        let evaluator = ToyEvaluator()
        let second = try await SearchFixture.run(plan, store: store, job: other.id, evaluator: evaluator)
        #expect(evaluator.evaluations == 0)
        #expect(second.counters.freshEvaluations == 0)
        #expect(second.counters.reusedEvaluations == first.counters.freshEvaluations)
        #expect(second.state == first.state)
    }

    @Test func anEvaluationBudgetStopsBetweenGenerations() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec("evaluations = 20"), models: models)
        let (store, job) = try await SearchFixture.store()
        let result = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        #expect(result.stopReason == "evaluations")
        #expect(result.counters.freshEvaluations >= 20)
        #expect(result.counters.freshEvaluations < 20 + plan.configuration.offspringCount)
    }
}

extension SearchSpec {
    func with(seed: Int) -> SearchSpec {
        var copy = self
        copy.seed = seed
        return copy
    }
}
