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
            job: id, batchKey: "b1", attempt: 1, arrayID: "41", folder: "/shared/a1", chunks: ["c0", "c1", "c2"])
        try await store.slurmArrays.record(job: id, batchKey: "b2", attempt: 1, arrayID: "43", folder: "/shared/c", chunks: ["c0"])
        try await store.slurmArrays.record(job: other, batchKey: "b1", attempt: 1, arrayID: "44", folder: "/x", chunks: ["c0"])
        try await store.slurmArrays.mark(first.id, state: .finished)
        let retry = try await store.slurmArrays.record(
            job: id, batchKey: "b1", attempt: 2, arrayID: "42", folder: "/shared/a2", chunks: ["c1"])

        let all = try await store.slurmArrays.arrays(job: id)
        #expect(all.map(\.arrayID) == ["41", "43", "42"])
        #expect(all.map(\.chunks) == [["c0", "c1", "c2"], ["c0"], ["c1"]])
        #expect(all.map(\.state) == [.finished, .running, .running])
        #expect(all.map(\.attempt) == [1, 1, 2] && all.map(\.batchKey) == ["b1", "b2", "b1"])
        #expect(all[0].finishedAt != nil && all[2].finishedAt == nil)

        try await store.slurmArrays.mark(retry.id, state: .cancelled)
        #expect(try await store.slurmArrays.arrays(job: id).last?.state == .cancelled)
    }

    @Test func aBatchAttemptIsRecordedOnce() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.slurmArrays.record(job: id, batchKey: "b", attempt: 1, arrayID: "7", folder: "/f", chunks: ["c0"])
        await #expect(throws: (any Error).self) {
            try await store.slurmArrays.record(job: id, batchKey: "b", attempt: 1, arrayID: "8", folder: "/f", chunks: ["c0"])
        }
        #expect(try await store.slurmArrays.arrays(job: id).map(\.arrayID) == ["7"])
    }
}
