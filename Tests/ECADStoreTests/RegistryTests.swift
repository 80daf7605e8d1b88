import ECADStore
import Foundation
import Testing

struct RegistryTests {
    @Test func versionsAreImmutableByDigest() async throws {
        let store = try TestStores.inMemory()
        #expect(try await store.registry.publish(Fixtures.version(digest: "d1")))
        var changed = Fixtures.version(digest: "d1")
        changed.metricsJSON = #"{"reward":0.1}"#
        #expect(try await store.registry.publish(changed) == false)
        #expect(try await store.registry.version("d1").metricsJSON == #"{"reward":0.8}"#)
        try await store.registry.publish(Fixtures.version(digest: "d2", model: "pixart-alpha-256"))
        #expect(try await store.registry.versions(modelID: "shapes32").map(\.digest) == ["d1"])
        #expect(try await store.registry.versions().count == 2)
        await #expect(throws: StoreError.notFound(what: "registry version", key: "nope")) {
            try await store.registry.version("nope")
        }
    }

    @Test func aliasMovesAreLogged() async throws {
        let store = try TestStores.inMemory()
        try await store.registry.publish(Fixtures.version(digest: "d1"))
        try await store.registry.publish(Fixtures.version(digest: "d2"))
        let (root, alice) = (RegistryFixtures.root, RegistryFixtures.alice)
        try await store.registry.setAlias("fast", of: "shapes32/mine", to: "d1", by: alice)
        try await store.registry.setAlias("fast", of: "shapes32/mine", to: "d1", by: alice)
        try await store.registry.setAlias("fast", of: "shapes32/mine", to: "d2", by: root)
        #expect(try await store.registry.resolve(alias: "shapes32/mine@fast").digest == "d2")
        let moves = try await store.registry.history(alias: "shapes32/mine@fast")
        #expect(moves.map(\.fromDigest) == [nil, "d1"])
        #expect(moves.map(\.toDigest) == ["d1", "d2"])
        #expect(moves.map(\.actorUID) == [1000, 0])
        #expect(try await store.registry.aliases() == ["shapes32/mine@fast": "d2"])
        #expect(try await store.registry.names()["shapes32/mine"] == ["d1", "d2"])
        await #expect(throws: StoreError.self) { try await store.registry.setAlias("x", of: "a", to: "missing", by: root) }
        await #expect(throws: StoreError.self) { try await store.registry.setAlias("x", of: "../x", to: "d1", by: root) }
        await #expect(throws: StoreError.self) { try await store.registry.setAlias("a/b", of: "x", to: "d1", by: root) }
        await #expect(throws: StoreError.self) { try await store.registry.resolve(alias: "nothing") }
    }

    @Test func artifactsAreIndexedByPath() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.artifacts.record(Fixtures.artifact(path: "b.png"), job: id)
        try await store.artifacts.record(Fixtures.artifact(path: "a/front.json"), job: id)
        var replaced = Fixtures.artifact(path: "b.png")
        replaced.bytes = 7
        try await store.artifacts.record(replaced, job: id)
        let listed = try await store.artifacts.list(job: id)
        #expect(listed.map(\.relativePath) == ["a/front.json", "b.png"])
        #expect(listed.last?.bytes == 7)
    }
}
