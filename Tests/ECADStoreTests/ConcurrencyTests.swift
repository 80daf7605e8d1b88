import ECADCore
import ECADStore
import Foundation
import Testing

struct ConcurrencyTests {
    @Test func concurrentSubmittersGetDistinctIdsAndNoneIsLost() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory)
        let tasks = 16
        let perTask = 25
        let ids = try await withThrowingTaskGroup(of: [JobID].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var mine: [JobID] = []
                    for _ in 0..<perTask {
                        let job = TestStores.newJob(uid: UInt32(1000 + task), user: "user\(task)")
                        mine.append(try await store.jobs.submit(job).id)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [JobID]()) { $0 += $1 }
        }
        #expect(ids.count == tasks * perTask)
        #expect(Set(ids).count == ids.count)
        let listed = try await store.jobs.list(JobFilter(limit: 10_000))
        #expect(Set(listed.map(\.id)) == Set(ids))
        #expect(try await store.jobs.events().count == ids.count)
    }

    @Test func concurrentClaimersNeverStartAJobTwice() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory)
        for index in 0..<40 { _ = try await store.jobs.submit(TestStores.newJob(uid: UInt32(index % 4))) }
        let claimed = try await withThrowingTaskGroup(of: [JobID].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mine: [JobID] = []
                    for _ in 0..<10 { mine += try await store.jobs.claimNext(slots: 40).map(\.id) }
                    return mine
                }
            }
            return try await group.reduce(into: [JobID]()) { $0 += $1 }
        }
        #expect(claimed.count == 40)
        #expect(Set(claimed).count == 40)
        #expect(try await store.jobs.counts() == [.running: 40])
    }

    @Test func aSecondConnectionSeesCommittedJobs() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory)
        let other = try Store(stateDirectory: directory)
        let id = try await store.jobs.submit(TestStores.newJob()).id
        #expect(try await other.jobs.job(id).id == id)
    }
}
