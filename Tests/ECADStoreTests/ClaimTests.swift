import ECADCore
import ECADStore
import Foundation
import Testing

struct ClaimTests {
    @Test func claimFillsOnlyFreeSlots() async throws {
        let store = try TestStores.inMemory()
        for _ in 0..<4 { _ = try await store.jobs.submit(TestStores.newJob()) }
        #expect(try await store.jobs.claimNext(slots: 2).count == 2)
        #expect(try await store.jobs.claimNext(slots: 2).isEmpty)
        #expect(try await store.jobs.claimNext(slots: 3).count == 1)
        #expect(try await store.jobs.counts() == [.running: 3, .pending: 1])
    }

    @Test("a job requeued while its run still winds down is not claimed again, and its run keeps its slot")
    func aJobStillRunningHereIsNotClaimedTwice() async throws {
        let store = try TestStores.inMemory()
        let first = try await store.jobs.submit(TestStores.newJob()).id
        let second = try await store.jobs.submit(TestStores.newJob()).id
        #expect(try await store.jobs.claimNext(slots: 1).map(\.id) == [first])
        _ = try await store.jobs.requeue(first, by: 0)
        // The store says PENDING, but the worker of the first run has not stopped yet.
        #expect(try await store.jobs.claimNext(slots: 1, stillRunning: [first]).isEmpty)
        #expect(try await store.jobs.claimNext(slots: 2, stillRunning: [first]).map(\.id) == [second])
        // Once that run is over, the job is claimed again.
        _ = try await store.jobs.complete(second)
        #expect(try await store.jobs.claimNext(slots: 1).map(\.id) == [first])
    }

    @Test func claimOrderFollowsPriorityAndKind() async throws {
        let store = try TestStores.inMemory()
        let search = try await store.jobs.submit(TestStores.newJob(.search)).id
        let urgent = try await store.jobs.submit(TestStores.newJob(.search, priority: 500)).id
        let generate = try await store.jobs.submit(TestStores.newJob(.generate)).id
        var order: [JobID] = []
        for _ in 0..<3 {
            let claimed = try await store.jobs.claimNext(slots: 1)
            order += claimed.map(\.id)
            for job in claimed { _ = try await store.jobs.complete(job.id) }
        }
        #expect(order == [urgent, generate, search])
    }

    @Test func fairShareFavoursTheUserWhoUsedLess() async throws {
        let clock = ManualClock()
        let store = try TestStores.inMemory(clock: clock)
        // Alice runs a search for two hours, heartbeating.
        let long = try await store.jobs.submit(TestStores.newJob(uid: 1, user: "alice")).id
        _ = try await store.jobs.claimNext(slots: 1)
        for _ in 0..<8 {
            clock.advance(by: 900)
            try await store.jobs.heartbeat(long)
        }
        _ = try await store.jobs.complete(long)
        // Alice submits before Bob; Bob still goes first.
        let alice = try await store.jobs.submit(TestStores.newJob(uid: 1, user: "alice")).id
        clock.advance(by: 1)
        let bob = try await store.jobs.submit(TestStores.newJob(uid: 2, user: "bob")).id
        #expect(try await store.jobs.claimNext(slots: 1).map(\.id) == [bob])
        _ = try await store.jobs.complete(bob)
        #expect(try await store.jobs.claimNext(slots: 1).map(\.id) == [alice])
    }

    @Test func usageDecaysSoOldUseStopsCounting() async throws {
        let clock = ManualClock()
        let store = try TestStores.inMemory(clock: clock)
        let long = try await store.jobs.submit(TestStores.newJob(uid: 1, user: "alice")).id
        _ = try await store.jobs.claimNext(slots: 1)
        clock.advance(by: 3_600)
        _ = try await store.jobs.complete(long)
        // Twenty half-lives later Alice's hour counts for next to nothing: her job, a minute older, goes first.
        clock.advance(by: 20 * 3_600)
        let alice = try await store.jobs.submit(TestStores.newJob(uid: 1, user: "alice")).id
        clock.advance(by: 60)
        let bob = try await store.jobs.submit(TestStores.newJob(uid: 2, user: "bob")).id
        #expect(try await store.jobs.claimNext(slots: 2).map(\.id) == [alice, bob])
    }
}
