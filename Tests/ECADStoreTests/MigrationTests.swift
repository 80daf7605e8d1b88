@testable import ECADStore
import Foundation
import GRDB
import Testing

struct MigrationTests {
    let configuration = StoreConfiguration()

    @Test func namesAreUniqueAndVersioned() {
        let names = Store.migrationNames
        #expect(names.first == "v1-jobs")
        #expect(Set(names).count == names.count)
        // Numbered in increasing order; a number may be missing while a branch's migration is not merged yet.
        let numbers = names.map { Int($0.dropFirst().prefix { $0.isNumber }) ?? 0 }
        #expect(numbers.allSatisfy { $0 > 0 } && numbers == numbers.sorted() && Set(numbers).count == numbers.count)
    }

    @Test func migratesStepByStepKeepingDataWrittenAtEachStep() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Store.fileName).path
        let names = Store.migrationNames
        #expect(names == ["v1-jobs", "v2-checkpoints-evaluations", "v3-registry-artifacts", "v4-job-logs", "v5-registry-names",
                           "v6-registry-owners", "v8-slurm-arrays"])

        let v1 = try Store.open(path: path, upTo: "v1-jobs", configuration: configuration)
        #expect(try await v1.appliedMigrations() == ["v1-jobs"])
        let id = try await v1.jobs.submit(TestStores.newJob())
            .id
        _ = try await v1.jobs.claimNext(slots: 1)

        let v2 = try Store.open(path: path, upTo: "v2-checkpoints-evaluations", configuration: configuration)
        #expect(try await v2.appliedMigrations() == Array(names.prefix(2)))
        try await v2.checkpoints.save(job: id, generation: 0, state: Data([1, 2, 3]), evaluations: [Fixtures.evaluation()])

        let v3 = try Store.open(path: path, upTo: "v3-registry-artifacts", configuration: configuration)
        #expect(try await v3.appliedMigrations() == Array(names.prefix(3)))
        try await Self.execute(v3, """
            INSERT INTO registryVersion (digest, schedule, modelId, weightsDigest, sampler, steps, resolution,
                calibrationPromptSetDigest, metrics, provenance, jobId, createdAt)
            VALUES ('d1', '{}', 'shapes32', 'w1', 's', 20, 32, 'p1', '{"reward":0.8}', '{}', NULL, 1);
            INSERT INTO registryAlias (name, digest, updatedAt, updatedBy) VALUES ('shapes32/default@x', 'd1', 1, NULL);
            """)
        try await v3.artifacts.record(Fixtures.artifact(path: "front.json"), job: id)

        let v4 = try Store.open(path: path, upTo: "v4-job-logs", configuration: configuration)
        try await v4.logs.append(job: id, stream: .worker, lines: ["hello"])

        let store = try Store(path: path)
        #expect(try await store.appliedMigrations() == names)
        #expect(try await store.jobs.job(id).state == .running)
        #expect(try await store.jobs.events(job: id).count == 2)
        #expect(try await store.checkpoints.latest(job: id)?.state == Data([1, 2, 3]))
        #expect(try await store.evaluations.lookup(Fixtures.key()) != nil)
        #expect(try await store.registry.resolve(alias: "shapes32/default@x").digest == "d1")
        #expect(try await store.artifacts.list(job: id).map(\.relativePath) == ["front.json"])
        #expect(try await store.logs.lines(job: id).map(\.text) == ["hello"])
    }

    @Test func unknownTargetMigrationIsRefused() throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: StoreError.self) {
            try Store.open(
                path: directory.appendingPathComponent("x.sqlite").path, upTo: "v9-nothing", configuration: configuration)
        }
    }

    /// Runs raw SQL on `store`, to write rows as an older schema had them.
    static func execute(_ store: Store, _ sql: String) async throws {
        try await store.registry.database.write { db in try db.execute(sql: sql) }
    }
}
