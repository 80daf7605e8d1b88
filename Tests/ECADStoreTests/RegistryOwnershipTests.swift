import ECADCore
import ECADStore
import Foundation
import Testing

/// Registry names belong to their first publisher (and admins), and imports record who brought a version in from
/// which bundle, keeping the bundle's metrics and provenance only as claims (issue 13, item 1).
struct RegistryOwnershipTests {
    /// A store where alice's job 1 published the standard front into `shapes32/quick`.
    private func aliceStore() async throws -> Store {
        let store = try TestStores.inMemory()
        var front = try RegistryFixtures.standardFront()
        front.jobID = try await store.jobs.submit(TestStores.newJob()).id
        try await store.registry.publish(front: front, by: RegistryFixtures.alice)
        return store
    }

    /// A bundle claiming a far better version (reward 0.99, 20x) under `name`, "found by job 1".
    private func forgedBundle(name: String) async throws -> [String: Data] {
        let scratch = try TestStores.inMemory()
        var front = try RegistryFixtures.front([(0.99, 0.05)], name: name)
        front.members[0].document = try RegistryFixtures.document(seed: 77)
        front.jobID = try await scratch.jobs.submit(TestStores.newJob()).id
        try await scratch.registry.publish(front: front, by: RegistryFixtures.root)
        return try await scratch.registry.exportBundle()
    }

    /// What a user can observe of the registry, to check that a refused action changed nothing.
    private func snapshot(_ store: Store) async throws -> [String] {
        let versions = try await store.registry.versions().map { "\($0.digest) \($0.metricsJSON) \($0.provenanceJSON)" }
        let aliases = try await store.registry.aliases().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let names = try await store.registry.names().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return versions + aliases + names
    }

    @Test func aNameBelongsToItsFirstPublisherAndAdmins() async throws {
        let store = try await aliceStore()
        let owner = try #require(try await store.registry.owner(of: "shapes32/quick"))
        #expect(owner.uid == 1000)
        #expect(owner.userName == "alice")
        let before = try await snapshot(store)
        let fastest = try RegistryFixtures.digest(3)
        let other = try RegistryFixtures.digest(5)
        await #expect(throws: StoreError.self) {
            try await store.registry.setAlias("fastest", of: "shapes32/quick", to: other, by: RegistryFixtures.mallory)
        }
        await #expect(throws: StoreError.self) {
            try await store.registry.publish(
                front: RegistryFixtures.front([(0.99, 0.01)], name: "shapes32/quick"), by: RegistryFixtures.mallory)
        }
        do {
            try await store.registry.setAlias("fastest", of: "shapes32/quick", to: other, by: RegistryFixtures.mallory)
            Issue.record("mallory moved alice's alias")
        } catch StoreError.forbidden(let message) {
            #expect(message.contains("alice (uid 1000)"))
        }
        #expect(try await snapshot(store) == before)
        #expect(try await store.registry.resolve(ref: "shapes32/quick@fastest").digest == fastest)
        #expect(try await store.registry.history(alias: "shapes32/quick@fastest").count == 1)

        try await store.registry.setAlias("fastest", of: "shapes32/quick", to: other, by: RegistryFixtures.root)
        #expect(try await store.registry.resolve(ref: "shapes32/quick@fastest").digest == other)
        #expect(try await store.registry.owner(of: "shapes32/quick")?.uid == 1000)
        try await store.registry.setAlias("mine", of: "mallory/own", to: other, by: RegistryFixtures.mallory)
        #expect(try await store.registry.owner(of: "mallory/own")?.uid == 1001)
    }

    @Test func importIntoAnotherUsersNameIsRefusedAndStoresNothing() async throws {
        let store = try await aliceStore()
        let before = try await snapshot(store)
        let forged = try await forgedBundle(name: "shapes32/quick")
        do {
            try await store.registry.importBundle(forged, by: RegistryFixtures.mallory)
            Issue.record("the import into alice's name was accepted")
        } catch StoreError.forbidden(let message) {
            #expect(message.contains("shapes32/quick belongs to alice (uid 1000)"))
        }
        #expect(try await snapshot(store) == before)
        #expect(try await store.registry.owner(of: "shapes32/quick")?.uid == 1000)
    }

    @Test func anImportRecordsTheImporterAndTheBundleAndIsNeverPickedForAnotherName() async throws {
        let store = try await aliceStore()
        let forged = try await forgedBundle(name: "mallory/fast")
        let summary = try await store.registry.importBundle(forged, by: RegistryFixtures.mallory)
        #expect(summary.newVersions == 1)
        let digest = try RegistryFixtures.digest(77)
        let imported = try await store.registry.version(digest)
        #expect(imported.jobID == nil)
        #expect(imported.imported?.uid == 1001)
        #expect(imported.imported?.userName == "mallory")
        #expect(imported.imported?.bundleSha256 == SHA256.hexDigest(try #require(forged[BundleManifest.fileName])))
        #expect(try await store.registry.owner(of: "mallory/fast")?.uid == 1001)
        #expect(try await store.registry.resolve(ref: "mallory/fast").digest == digest)

        #expect(try await store.registry.resolve(ref: "shapes32/quick").digest == (try RegistryFixtures.digest(4)))
        #expect(try await store.registry.resolve(.minSpeedup(1.5), in: "shapes32/quick").digest != digest)
        #expect(try await store.registry.resolve(.minReward(0.5), in: "shapes32").digest != digest)
        #expect(try await store.registry.resolve(.minSpeedup(1.5), in: "shapes32").digest != digest)
        await #expect(throws: StoreError.self) {
            try await store.registry.setAlias("fastest", of: "shapes32/quick", to: digest, by: RegistryFixtures.mallory)
        }
        #expect(try await store.registry.names()["shapes32/quick"]?.contains(digest) == false)
    }

    @Test func aJobThatFindsAnImportedVersionReplacesTheBundlesClaims() async throws {
        let store = try TestStores.inMemory()
        var claim = try RegistryFixtures.front([(0.99, 0.05)], name: "mallory/fast")
        claim.jobID = nil
        let scratch = try TestStores.inMemory()
        try await scratch.registry.publish(front: claim, by: RegistryFixtures.mallory)
        try await store.registry.importBundle(try await scratch.registry.exportBundle(), by: RegistryFixtures.mallory)
        let digest = try RegistryFixtures.digest(1)
        #expect(try await store.registry.version(digest).imported != nil)

        var front = try RegistryFixtures.standardFront()
        front.jobID = try await store.jobs.submit(TestStores.newJob()).id
        try await store.registry.publish(front: front, by: RegistryFixtures.alice)
        let version = try await store.registry.version(digest)
        #expect(version.imported == nil)
        #expect(version.jobID == front.jobID)
        #expect(try RegistryMetrics(json: version.metricsJSON) == RegistryMetrics(reward: 0.90, macsRatio: 1.0))
    }

    @Test func aliasesOfAnImportMustBeNameAtLabel() async throws {
        let store = try await aliceStore()
        let forged = try await forgedBundle(name: "mallory/fast")
        let digest = try RegistryFixtures.digest(77)
        let aliases = Data(#"{"aliases":{"shapes32/quick":"\#(digest)"},"names":{"mallory/fast":["\#(digest)"]}}"#.utf8)
        await #expect(throws: StoreError.self) {
            try await store.registry.importBundle(
                RegistryBundleTests.replacing("aliases.json", with: aliases, in: forged), by: RegistryFixtures.mallory)
        }
        #expect(try await store.registry.resolve(ref: "shapes32/quick").digest == (try RegistryFixtures.digest(4)))
    }
}
