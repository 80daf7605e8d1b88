import ECADCore
import ECADStore
import Foundation
import Testing

struct RegistryQueryTests {
    @Test func referencesResolveByDigestPrefixNameAndAlias() async throws {
        let store = try TestStores.inMemory()
        try await store.registry.publish(front: RegistryFixtures.standardFront(), by: RegistryFixtures.alice)
        let digest = try RegistryFixtures.digest(2)
        #expect(try await store.registry.resolve(ref: digest).digest == digest)
        #expect(try await store.registry.resolve(ref: String(digest.prefix(8))).digest == digest)
        #expect(try await store.registry.resolve(ref: "shapes32/quick").digest == (try RegistryFixtures.digest(4)))
        #expect(try await store.registry.resolve(ref: "shapes32/quick@quality").digest == digest)
        await #expect(throws: StoreError.self) { try await store.registry.resolve(ref: String(digest.prefix(7))) }
        await #expect(throws: StoreError.self) { try await store.registry.resolve(ref: "shapes32/quick@nope") }
        await #expect(throws: StoreError.self) { try await store.registry.resolve(ref: "unknown") }
        await #expect(throws: StoreError.self) {
            try await store.registry.resolve(ref: String(repeating: "a", count: 300))
        }
    }

    @Test func speedAndQualityQueriesPickByTheDocumentedRule() async throws {
        let store = try TestStores.inMemory()
        try await store.registry.publish(front: RegistryFixtures.standardFront(), by: RegistryFixtures.alice)
        // Speedups from MACs: 1, 1.25, 1.67, 3.33, 10.
        #expect(try await store.registry.resolve(.minSpeedup(1.5), in: "shapes32/quick").digest
            == (try RegistryFixtures.digest(3)))
        #expect(try await store.registry.resolve(.minSpeedup(3), in: "shapes32").digest
            == (try RegistryFixtures.digest(4)))
        #expect(try await store.registry.resolve(.minReward(0.89), in: "shapes32").digest
            == (try RegistryFixtures.digest(2)))
        #expect(try await store.registry.resolve(.minReward(0.1), in: "shapes32/quick").digest
            == (try RegistryFixtures.digest(5)))
        await #expect(throws: StoreError.self) { try await store.registry.resolve(.minSpeedup(20), in: "shapes32") }
        await #expect(throws: StoreError.self) { try await store.registry.resolve(.minReward(0.5), in: "other") }
    }

    @Test func measuredSpeedupWinsOverTheMACsEstimate() throws {
        let metrics = RegistryMetrics(reward: 0.8, macsRatio: 0.25, measuredSpeedup: 2.5)
        #expect(metrics.speedup == 2.5)
        #expect(RegistryMetrics(reward: 0.8, macsRatio: 0.25).speedup == 4)
    }
}
