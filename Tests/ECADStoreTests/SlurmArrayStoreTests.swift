import ECADCore
import ECADStore
import Foundation
import Testing

struct SlurmArrayStoreTests {
    @Test func arraysAreRecordedPerBatchAndMarked() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        let other = try await store.jobs.submit(TestStores.newJob()).id
        let first = try await store.slurmArrays.record(
            job: id, batchKey: "b1", attempt: 1, arrayID: "41", folder: "/shared/a1", chunks: [0, 1, 2])
        try await store.slurmArrays.record(job: id, batchKey: "b2", attempt: 1, arrayID: "43", folder: "/shared/c", chunks: [0])
        try await store.slurmArrays.record(job: other, batchKey: "b1", attempt: 1, arrayID: "44", folder: "/x", chunks: [0])
        try await store.slurmArrays.mark(first.id, state: .finished)
        let retry = try await store.slurmArrays.record(
            job: id, batchKey: "b1", attempt: 2, arrayID: "42", folder: "/shared/a2", chunks: [1])

        let batch = try await store.slurmArrays.arrays(job: id, batchKey: "b1")
        #expect(batch.map(\.arrayID) == ["41", "42"])
        #expect(batch.map(\.chunks) == [[0, 1, 2], [1]])
        #expect(batch.map(\.state) == [.finished, .running])
        #expect(batch[0].finishedAt != nil && batch[1].finishedAt == nil)
        #expect(try await store.slurmArrays.running(job: id).map(\.arrayID) == ["43", "42"])

        try await store.slurmArrays.mark(retry.id, state: .cancelled)
        #expect(try await store.slurmArrays.arrays(job: id, batchKey: "b1").last?.state == .cancelled)
    }

    @Test func aBatchAttemptIsRecordedOnce() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.slurmArrays.record(job: id, batchKey: "b", attempt: 1, arrayID: "7", folder: "/f", chunks: [0])
        await #expect(throws: (any Error).self) {
            try await store.slurmArrays.record(job: id, batchKey: "b", attempt: 1, arrayID: "8", folder: "/f", chunks: [0])
        }
        #expect(try await store.slurmArrays.arrays(job: id, batchKey: "b").map(\.arrayID) == ["7"])
    }
}
