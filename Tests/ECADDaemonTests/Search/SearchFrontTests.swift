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
        let publisher = FrontPublisher(
            plan: plan, modelDigest: "m", job: job, owner: RegistryActor(uid: 1000, userName: "alice", isAdmin: false))
        let published = try #require(try await publisher.publish(front, uncachedReward: nil, to: store.registry))
        #expect(try await store.registry.versions(modelID: "toy").count == front.members.count)
        let name = "toy/job-\(job)"
        #expect(published.name == name)
        #expect(Set(published.digests) == Set(front.members.map(\.digest.hex)))
        let fastest = try await store.registry.resolve(ref: name + "@fastest")
        let quality = try await store.registry.resolve(ref: name + "@quality")
        #expect(try await store.registry.resolve(ref: name + "@balanced").digest == published.aliases["balanced"])
        #expect(fastest.digest == published.aliases["fastest"])
        #expect(quality.digest == published.aliases["quality"])
        // Every member's metrics are readable as RegistryMetrics (reward and MACs ratio, as `registry list` shows).
        for version in try await store.registry.versions(modelID: "toy") {
            let metrics = try RegistryMetrics(json: version.metricsJSON)
            let member = try #require(front.members.first { $0.digest.hex == version.digest })
            #expect(metrics.reward == member.metrics.reward)
            #expect(metrics.macsRatio == member.metrics.macFraction)
        }
        let document = try ScheduleFile(bytes: Array(quality.scheduleJSON.utf8)).document
        #expect(document.schedule.digest.hex == quality.digest)
        let minimum = try #require(front.members.map(\.metrics.macFraction).min())
        let cheapest = front.members.first { $0.metrics.macFraction == minimum }?.digest.hex
        #expect(try await store.registry.resolve(.minSpeedup(1 / minimum), in: "toy").digest == cheapest)
    }
}
