import ECADCore
import ECADStore
import Foundation
import Testing

struct CheckpointStoreTests {
    @Test func latestIsTheHighestGenerationAndOnlyTheLastThreeAreKept() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        #expect(try await store.checkpoints.latest(job: id) == nil)
        for generation in 0..<5 {
            try await store.checkpoints.save(job: id, generation: generation, state: Data("g\(generation)".utf8))
        }
        let latest = try #require(try await store.checkpoints.latest(job: id))
        #expect(latest.generation == 4 && latest.state == Data("g4".utf8))
    }

    @Test func saveStoresTheGenerationsEvaluationsInTheSameTransaction() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        let evaluations = [Fixtures.evaluation(schedule: "a", job: id), Fixtures.evaluation(schedule: "b", job: id)]
        #expect(try await store.checkpoints.save(job: id, generation: 0, state: Data([0]), evaluations: evaluations) == 2)
        #expect(try await store.checkpoints.save(job: id, generation: 1, state: Data([1]), evaluations: evaluations) == 0)
        #expect(try await store.evaluations.count() == 2)
    }

    @Test func aFailedSaveWritesNothing() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        _ = try await store.jobs.cancel(id, by: 0)
        await #expect(throws: StoreError.self) {
            try await store.checkpoints.save(job: id, generation: 0, state: Data([0]), evaluations: [Fixtures.evaluation()])
        }
        #expect(try await store.evaluations.count() == 0)
        #expect(try await store.checkpoints.latest(job: id) == nil)
        await #expect(throws: StoreError.self) {
            try await store.checkpoints.save(job: JobID(99), generation: 0, state: Data())
        }
    }
}
