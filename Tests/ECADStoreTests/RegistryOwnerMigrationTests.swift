@testable import ECADStore
import Foundation
import Testing

/// `v6-registry-owners` on a registry written before names had owners (docs/registry.md, "Names from before").
struct RegistryOwnerMigrationTests {
    @Test func namesFromBeforeGetTheirFirstJobPublisherOrAdminsOnly() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Store.fileName).path
        let v5 = try Store.open(path: path, upTo: "v5-registry-names", configuration: StoreConfiguration())
        let alices = try await v5.jobs.submit(TestStores.newJob()).id
        let mallorys = try await v5.jobs.submit(TestStores.newJob(uid: 1001, user: "mallory")).id
        let insert = { (digest: String, job: String, reward: Double, macs: Double) in
            """
            INSERT INTO registryVersion (digest, schedule, modelId, weightsDigest, sampler, steps, resolution,
                calibrationPromptSetDigest, metrics, provenance, jobId, createdAt)
            VALUES ('\(digest)', '{}', 'shapes32', 'w1', 's', 20, 32, 'p1',
                '{"reward":\(reward),"macsRatio":\(macs)}', '{"jobID":1}', \(job), 1);
            """
        }
        try await MigrationTests.execute(v5, """
            \(insert("a1", "\(alices)", 0.8, 0.5))
            \(insert("f1", "NULL", 0.99, 0.05))
            \(insert("m1", "\(mallorys)", 0.95, 0.1))
            INSERT INTO registryName (name, digest, addedAt) VALUES ('shapes32/quick', 'f1', 1),
                ('shapes32/quick', 'a1', 2), ('shapes32/quick', 'm1', 3), ('orphan/x', 'f1', 1);
            INSERT INTO registryAlias (name, digest, updatedAt, updatedBy) VALUES ('shapes32/quick@balanced', 'a1', 2, 1000);
            """)

        let store = try Store(path: path)
        let registry = store.registry
        #expect(try await registry.owner(of: "shapes32/quick")?.uid == 1000)
        #expect(try await registry.owner(of: "shapes32/quick")?.userName == "alice")
        #expect(try await registry.owner(of: "orphan/x").map { $0.uid == nil } == true)
        #expect(try await registry.version("f1").imported != nil)
        #expect(try await registry.version("a1").imported == nil)
        #expect(try await registry.resolve(.minReward(0.5), in: "shapes32/quick").digest == "a1")
        #expect(try await registry.resolve(.minReward(0.5), in: "shapes32").digest == "m1")
        await #expect(throws: StoreError.self) { try await registry.resolve(.minReward(0.5), in: "orphan/x") }

        try await registry.setAlias("fastest", of: "shapes32/quick", to: "a1", by: RegistryFixtures.alice)
        await #expect(throws: StoreError.self) {
            try await registry.setAlias("fastest", of: "shapes32/quick", to: "m1", by: RegistryFixtures.mallory)
        }
        await #expect(throws: StoreError.self) {
            try await registry.setAlias("x", of: "orphan/x", to: "f1", by: RegistryFixtures.alice)
        }
        try await registry.setAlias("x", of: "orphan/x", to: "f1", by: RegistryFixtures.root)
        #expect(try await registry.resolve(.minReward(0.5), in: "orphan/x").digest == "f1")
    }
}
