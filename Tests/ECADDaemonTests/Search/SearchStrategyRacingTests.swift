@testable import ECADDaemon
import ECADCore
import ECADSearch
import ECADStore
import Foundation
import Testing

/// Racing over prompt chunks (`[strategy] racing`) in the search driver, with the deterministic toy evaluator.
struct SearchStrategyRacingTests {
    private let models: URL
    private static let racing = "[strategy]\nracing = true\nrace_chunks = 3\nrace_margin = 0.0"

    init() throws { models = try SearchFixture.modelsDirectory() }

    private func front(_ checkpoint: SearchCheckpoint, _ plan: SearchPlan) throws -> [String] {
        try SearchFront(checkpoint: checkpoint, codec: plan.codec).members.map {
            "\($0.digest.hex) \($0.metrics.reward) \($0.metrics.macFraction) \($0.metrics.fullFidelity)"
        }
    }

    @Test func racingDropsBeatenCandidatesAndKeepsOnlyFullyScoredMembersOnTheFront() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(Self.racing), models: models)
        #expect(plan.raceChunks == [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]])
        let (store, job) = try await SearchFixture.store()
        let evaluator = ToyEvaluator()
        let result = try await SearchFixture.run(plan, store: store, job: job, evaluator: evaluator)
        let members = try SearchFront(checkpoint: result, codec: plan.codec).members
        #expect(!members.isEmpty && members.allSatisfy(\.metrics.fullFidelity))
        #expect(result.counters.subsetEvaluations > 0, "some offspring were put out of the race")
        #expect(result.counters.imagesSaved > 0)
        // Every evaluation is of one 2-prompt chunk; candidates out of the race cost fewer chunks.
        #expect(evaluator.counts.keys.allSatisfy { $0.hasSuffix("/2") })
        let candidates = result.state.archive.count
        #expect(evaluator.evaluations < candidates * 3)
        #expect(evaluator.evaluations * 2 + result.counters.imagesSaved == candidates * 6)
    }

    @Test func interruptedRacingRunsEndWithTheUninterruptedFront() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(Self.racing), models: models)
        let (cleanStore, cleanJob) = try await SearchFixture.store()
        let clean = ToyEvaluator()
        let expected = try await SearchFixture.run(plan, store: cleanStore, job: cleanJob, evaluator: clean)

        let crashed = try await CrashedSearch.run(plan, seed: 14)
        let chunk = 3, interruptions = crashed.interruptions, requested = crashed.requested
        let resumed = crashed.final
        #expect(interruptions > 3)
        #expect(try front(resumed, plan) == front(expected, plan))
        #expect(resumed.state == expected.state)
        #expect(resumed.counters == expected.counters)
        // Results are stored as they arrive: a crash loses at most the request in flight.
        #expect(requested - clean.evaluations <= interruptions * chunk)
        #expect(requested > clean.evaluations)
    }

    @Test func aSecondRacingSearchWithTheSameKeysReusesEveryEvaluation() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(Self.racing), models: models)
        let (store, job) = try await SearchFixture.store()
        let first = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let other = try await store.jobs.submit(NewJob(kind: .search, specJSON: "{}", ownerUID: 1000, ownerName: "test"))
        let evaluator = ToyEvaluator()
        let second = try await SearchFixture.run(plan, store: store, job: other.id, evaluator: evaluator)
        #expect(evaluator.evaluations == 0)
        #expect(second.state == first.state)
    }

    @Test func anEvaluationBudgetHoldsWithinOneBatchOfChunks() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec("evaluations = 30\n" + Self.racing), models: models)
        let (store, job) = try await SearchFixture.store()
        let result = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        #expect(result.stopReason == "evaluations")
        #expect(result.counters.freshEvaluations >= 30)
        #expect(result.counters.freshEvaluations < 30 + plan.configuration.offspringCount * plan.raceChunks.count)
    }

    @Test(arguments: [
        ("race_chunks = 1", "search.strategy.race_chunks"),
        ("race_chunks = 65", "search.strategy.race_chunks"),
        ("race_margin = -0.1", "search.strategy.race_margin"),
        ("race_margin = 2", "search.strategy.race_margin"),
        ("racing = \"yes\"", "search.strategy.racing"),
        ("race = true", "search.strategy"),
    ])
    func badStrategySettingsAreRefusedNamingTheField(setting: String, field: String) {
        let refusal = SearchFixture.refusal("[strategy]\n\(setting)")
        #expect(refusal.contains(field), "\(refusal)")
    }

    @Test func racingWithMultiFidelityOrMoreChunksThanPromptsIsRefused() throws {
        let both = "[strategy]\nracing = true\n[multi_fidelity]\nenabled = true\nsubset_prompts = 2"
        #expect(SearchFixture.refusal(both).contains("search.strategy.racing"))
        let tooMany = try SearchFixture.spec("[strategy]\nracing = true\nrace_chunks = 7")
        #expect(throws: DaemonError.invalidSpec(
            field: "search.strategy.race_chunks", message: "7 chunks for 6 prompts; use at most one chunk per prompt")
        ) { try SearchFixture.plan(tooMany, models: models) }
    }
}
