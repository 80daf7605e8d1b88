import ECADCore
import ECADStore
import Foundation
import Testing

struct CrashRecoveryTests {
    @Test func crashRequeuesWithRestartAndHoldsAfterThreeInARow() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        for attempt in 1...2 {
            _ = try await store.jobs.claimNext(slots: 1)
            let requeued = try await store.jobs.requeueAfterCrash(id)
            #expect(requeued.state == .pending && requeued.reason == .workerCrashed)
            #expect(requeued.restarts == attempt && requeued.consecutiveCrashes == attempt)
        }
        _ = try await store.jobs.claimNext(slots: 1)
        let held = try await store.jobs.requeueAfterCrash(id, reason: .workerHung)
        #expect(held.state == .held && held.reason == .crashLimit)
        #expect(held.restarts == 3 && held.consecutiveCrashes == 3)
        #expect(try await store.jobs.claimNext(slots: 1).isEmpty)
        let released = try await store.jobs.release(id, by: 0)
        #expect(released.state == .pending && released.consecutiveCrashes == 0 && released.restarts == 3)
        let reasons = try await store.jobs.events(job: id).compactMap(\.reason)
        #expect(reasons.filter { $0 == .workerCrashed }.count == 2)
        #expect(reasons.contains(.crashLimit))
    }

    @Test func progressResetsTheCrashStreak() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        for generation in 0..<5 {
            _ = try await store.jobs.claimNext(slots: 1)
            try await store.checkpoints.save(job: id, generation: generation, state: Data([UInt8(generation)]))
            let job = try await store.jobs.requeueAfterCrash(id)
            #expect(job.state == .pending && job.consecutiveCrashes == 1)
        }
        #expect(try await store.jobs.job(id).restarts == 5)
    }

    @Test func crashOfAJobThatIsNotRunningIsRefused() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        await #expect(throws: StoreError.self) { try await store.jobs.requeueAfterCrash(id) }
        #expect(try await store.jobs.job(id).restarts == 0)
    }

    @Test func startupRequeuesEveryRunningJobAndKeepsTheRest() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var ids: [JobID] = []
        do {
            let store = try Store(stateDirectory: directory)
            for _ in 0..<4 { ids.append(try await store.jobs.submit(TestStores.newJob()).id) }
            _ = try await store.jobs.claimNext(slots: 2)
            _ = try await store.jobs.hold(ids[3], by: 1000)
        }
        // A new daemon opens the same state dir.
        let store = try Store(stateDirectory: directory)
        let recovered = try await store.jobs.recoverOnStartup()
        #expect(recovered.map(\.id) == [ids[0], ids[1]])
        #expect(recovered.allSatisfy { $0.state == .pending && $0.reason == .daemonRestart && $0.restarts == 1 })
        #expect(recovered.allSatisfy { $0.consecutiveCrashes == 0 })
        #expect(try await store.jobs.job(ids[2]).state == .pending)
        #expect(try await store.jobs.job(ids[2]).restarts == 0)
        #expect(try await store.jobs.job(ids[3]).state == .held)
        #expect(try await store.jobs.recoverOnStartup().isEmpty)
        let last = try await store.jobs.events(job: ids[0]).last
        #expect(last?.from == .running && last?.to == .pending && last?.reason == .daemonRestart && last?.actorUID == nil)
    }

    @Test func userRequeueAndHoldOfARunningJobCountARestart() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        _ = try await store.jobs.claimNext(slots: 1)
        let requeued = try await store.jobs.requeue(id, by: 1000)
        #expect(requeued.state == .pending && requeued.reason == .requeued && requeued.restarts == 1)
        _ = try await store.jobs.claimNext(slots: 1)
        let held = try await store.jobs.hold(id, by: 0, reason: .jobHeldAdmin)
        #expect(held.state == .held && held.reason == .jobHeldAdmin && held.restarts == 2)
        #expect(try await store.jobs.events(job: id).last?.actorUID == 0)
        await #expect(throws: StoreError.self) { try await store.jobs.requeue(id, by: 1000) }
    }

    @Test func runningJobsWithoutAWorkerAreRequeuedAndFreeTheirSlot() async throws {
        let store = try TestStores.inMemory()
        var ids: [JobID] = []
        for _ in 0..<3 { ids.append(try await store.jobs.submit(TestStores.newJob()).id) }
        _ = try await store.jobs.claimNext(slots: 2)
        // ids[1]'s run ended but its final state was never written (a full disk): it holds a slot.
        #expect(try await store.jobs.claimNext(slots: 2).isEmpty)

        let requeued = try await store.jobs.requeueOrphans(live: [ids[0]])
        #expect(requeued.map(\.id) == [ids[1]])
        #expect(requeued.allSatisfy { $0.state == .pending && $0.reason == .workerLost && $0.restarts == 1 })
        let last = try await store.jobs.events(job: ids[1]).last
        #expect(last?.from == .running && last?.to == .pending && last?.reason == .workerLost)
        #expect(try await store.jobs.job(ids[0]).state == .running)
        #expect(try await store.jobs.requeueOrphans(live: [ids[0]]).isEmpty)
        #expect(try await store.jobs.claimNext(slots: 2).count == 1)
    }

    @Test func aJobLostOverAndOverIsHeldAtTheCrashLimit() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        for _ in 0..<2 {
            _ = try await store.jobs.claimNext(slots: 1)
            #expect(try await store.jobs.requeueOrphans(live: []).first?.state == .pending)
        }
        _ = try await store.jobs.claimNext(slots: 1)
        let held = try #require(try await store.jobs.requeueOrphans(live: []).first)
        #expect(held.id == id && held.state == .held && held.reason == .crashLimit)
    }
}
