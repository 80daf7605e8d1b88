@testable import ECADDaemon
import ECADCore
import ECADStore
import Foundation
import Testing

struct SearchFrontTests {
    private let models: URL

    init() throws { models = try SearchFixture.modelsDirectory() }

    @Test func theFrontRouteReadsTheNewestCheckpoint() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (store, job) = try await SearchFixture.store()
        #expect(try await FrontReader.view(job: job, store: store) == nil)
        let final = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let view = try #require(try await FrontReader.view(job: job, store: store))
        let expected = try SearchFront(checkpoint: final, codec: plan.codec).view(job: job.rawValue)
        #expect(view == expected)
        #expect(view.generation == 5)
        let rewards = view.members.compactMap { $0.metrics["reward"] }
        #expect(rewards == rewards.sorted(by: >))
        #expect(view.members.allSatisfy { ($0.metrics["speedup"] ?? 0) >= 1 })
    }

    @Test func publishingStoresEveryMemberAndPointsTheAliases() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (store, job) = try await SearchFixture.store()
        let final = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        let front = try SearchFront(checkpoint: final, codec: plan.codec)
        let publisher = FrontPublisher(plan: plan, modelDigest: "m", job: job)
        try await publisher.publish(front, to: store.registry)
        #expect(try await store.registry.versions(modelID: "toy").count == front.members.count)
        let name = "toy/job-\(job)"
        let fastest = try await store.registry.resolve(alias: name + "/fastest")
        let quality = try await store.registry.resolve(alias: name + "/quality")
        let minimum = try #require(front.members.map(\.metrics.macFraction).min())
        #expect(fastest.digest == front.members.first { $0.metrics.macFraction == minimum }?.digest.hex)
        #expect(quality.digest == front.members.first?.digest.hex)
        #expect(try await store.registry.resolve(alias: name).digest == store.registry.resolve(alias: name + "/balanced").digest)
        let document = try ScheduleFile(bytes: Array(quality.scheduleJSON.utf8)).document
        #expect(document.schedule.digest.hex == quality.digest)
        let metrics = try RegistryMetrics(json: quality.metricsJSON)
        #expect(metrics.reward == front.members.first?.metrics.reward)
        #expect(metrics.macsRatio == front.members.first?.metrics.macFraction)
        #expect(try await store.registry.resolve(.minSpeedup(1 / minimum), in: "toy").digest == fastest.digest)
    }
}
