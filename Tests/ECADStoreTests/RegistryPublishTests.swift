import ECADCore
import ECADStore
import Foundation
import Testing

struct RegistryPublishTests {
    @Test func publishingAFrontStoresMembersNameAndRuleAliases() async throws {
        let store = try TestStores.inMemory()
        var front = try RegistryFixtures.standardFront()
        front.jobID = try await store.jobs.submit(TestStores.newJob()).id
        let published = try await store.registry.publish(front: front, by: RegistryFixtures.alice)
        #expect(published.newVersions == 5)
        #expect(published.aliases["quality"] == (try RegistryFixtures.digest(2)))
        #expect(published.aliases["fastest"] == (try RegistryFixtures.digest(3)))
        #expect(published.aliases["balanced"] == (try RegistryFixtures.digest(4)))
        #expect(try await store.registry.names()["shapes32/quick"]?.count == 5)
        #expect(try await store.registry.resolve(ref: "shapes32/quick@fastest").digest == (try RegistryFixtures.digest(3)))

        let stored = try await store.registry.version(try RegistryFixtures.digest(1))
        #expect(try RegistryMetrics(json: stored.metricsJSON) == RegistryMetrics(reward: 0.90, macsRatio: 1.0))
        let provenance = try JSONDecoder().decode(RegistryProvenance.self, from: Data(stored.provenanceJSON.utf8))
        #expect(provenance == RegistryProvenance(jobID: front.jobID.map { Int64($0.rawValue) }, generation: 3, seed: 42, softwareVersion: "0.1.0"))
        #expect(stored.jobID == front.jobID)
        let document = try ScheduleDocument(jsonBytes: Array(stored.scheduleJSON.utf8))
        #expect(document.digest.hex == stored.digest)
    }

    @Test func republishingMovesAliasesAndLogsHistory() async throws {
        let store = try TestStores.inMemory()
        try await store.registry.publish(front: RegistryFixtures.standardFront(), by: RegistryFixtures.alice)
        let better = try RegistryFixtures.front([(0.90, 1.0), (0.895, 0.5)])
        let again = try await store.registry.publish(front: better, by: RegistryFixtures.alice)
        #expect(again.newVersions == 0)
        let moves = try await store.registry.history(alias: "shapes32/quick@quality")
        #expect(moves.count == 1)
        let fastest = try await store.registry.history(alias: "shapes32/quick@fastest")
        #expect(fastest.map(\.fromDigest) == [nil, try RegistryFixtures.digest(3)])
        #expect(fastest.map(\.toDigest) == [try RegistryFixtures.digest(3), try RegistryFixtures.digest(2)])
        #expect(fastest.map(\.actorUID) == [1000, 1000])
    }

    @Test func fastestFallsBackToBestRewardWhenNothingIsCloseToUncached() async throws {
        let store = try TestStores.inMemory()
        let front = try RegistryFixtures.front([(0.6, 0.3), (0.7, 0.5)], uncached: 0.9)
        let published = try await store.registry.publish(front: front, by: RegistryFixtures.alice)
        #expect(published.aliases["fastest"] == (try RegistryFixtures.digest(2)))
    }

    @Test func badFrontsAreRefusedAndStoreNothing() async throws {
        let store = try TestStores.inMemory()
        for name in ["../etc", "a@b", "", "x//y", "/abs"] {
            await #expect(throws: StoreError.self) {
                try await store.registry.publish(front: RegistryFixtures.standardFront(name: name), by: RegistryFixtures.alice)
            }
        }
        await #expect(throws: StoreError.self) {
            try await store.registry.publish(front: RegistryFixtures.front([]), by: RegistryFixtures.alice)
        }
        #expect(try await store.registry.versions().isEmpty)
    }
}
