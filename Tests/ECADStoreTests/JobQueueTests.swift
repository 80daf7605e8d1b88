import ECADCore
import ECADStore
import Foundation
import Testing

struct JobQueueTests {
    @Test func submitStoresAPendingJobWithItsEvent() async throws {
        let clock = ManualClock()
        let store = try TestStores.inMemory(clock: clock)
        let job = try await store.jobs.submit(TestStores.newJob(.generate, priority: 5, name: "cats"))
        #expect(try job.id == JobID(1))
        #expect(job.state == .pending && job.reason == .priority)
        #expect(job.kind == .generate && job.priority == 5 && job.name == "cats")
        #expect(job.submittedAt == clock.now && job.restarts == 0)
        #expect(try await store.jobs.job(job.id) == job)
        let events = try await store.jobs.events(job: job.id)
        #expect(events.count == 1)
        #expect(events.first?.from == nil && events.first?.to == .pending && events.first?.actorUID == 1000)
    }

    @Test func fullLifecycleWritesOneEventPerTransition() async throws {
        let clock = ManualClock()
        let store = try TestStores.inMemory(clock: clock)
        let id = try await store.jobs.submit(TestStores.newJob()).id
        _ = try await store.jobs.hold(id, by: 1000)
        _ = try await store.jobs.release(id, by: 1000)
        clock.advance(by: 10)
        let claimed = try await store.jobs.claimNext(slots: 1)
        #expect(claimed.map(\.id) == [id])
        #expect(claimed.first?.startedAt == clock.now)
        clock.advance(by: 5)
        let done = try await store.jobs.complete(id)
        #expect(done.state == .completed && done.endedAt == clock.now)
        let path = try await store.jobs.events(job: id).map { "\($0.from?.rawValue ?? "-")>\($0.to.rawValue)" }
        #expect(path == ["->PENDING", "PENDING>HELD", "HELD>PENDING", "PENDING>RUNNING", "RUNNING>COMPLETED"])
    }

    @Test func terminalJobsRefuseEveryChange() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        let cancelled = try await store.jobs.cancel(id, by: 0)
        #expect(cancelled.state == .cancelled && cancelled.cancelledBy == 0)
        await #expect(throws: StoreError.self) { try await store.jobs.release(id, by: 0) }
        await #expect(throws: StoreError.self) { try await store.jobs.cancel(id, by: 0) }
        await #expect(throws: StoreError.self) { try await store.jobs.hold(id, by: 0) }
        await #expect(throws: StoreError.self) { try await store.jobs.fail(id, reason: .workerError) }
        await #expect(throws: StoreError.self) { try await store.jobs.heartbeat(id) }
        await #expect(throws: StoreError.self) { try await store.jobs.updateProgress(id, json: "{}") }
        #expect(try await store.jobs.claimNext(slots: 4).isEmpty)
        #expect(try await store.jobs.job(id).state == .cancelled)
        #expect(try await store.jobs.events(job: id).count == 2)
    }

    @Test func unknownJobsAreReportedByID() async throws {
        let store = try TestStores.inMemory()
        let missing = try JobID(99)
        await #expect(throws: StoreError.jobNotFound(missing)) { try await store.jobs.job(missing) }
        await #expect(throws: StoreError.jobNotFound(missing)) { try await store.jobs.cancel(missing, by: 0) }
        await #expect(throws: StoreError.jobNotFound(missing)) { try await store.jobs.events(job: missing) }
        await #expect(throws: StoreError.jobNotFound(missing)) { try await store.logs.lines(job: missing) }
    }

    @Test func listFiltersByUserStateKindAndActivity() async throws {
        let store = try TestStores.inMemory()
        let a = try await store.jobs.submit(TestStores.newJob(.search, uid: 1, user: "a")).id
        let b = try await store.jobs.submit(TestStores.newJob(.generate, uid: 2, user: "b")).id
        let c = try await store.jobs.submit(TestStores.newJob(.evaluate, uid: 1, user: "a")).id
        _ = try await store.jobs.cancel(c, by: 1)
        _ = try await store.jobs.hold(b, by: 2)
        #expect(try await store.jobs.list().map(\.id) == [a, b])
        #expect(try await store.jobs.list(JobFilter(includeFinished: true)).map(\.id) == [a, b, c])
        #expect(try await store.jobs.list(JobFilter(ownerUID: 1, includeFinished: true)).map(\.id) == [a, c])
        #expect(try await store.jobs.list(JobFilter(states: [.held])).map(\.id) == [b])
        #expect(try await store.jobs.list(JobFilter(kinds: [.search, .evaluate], includeFinished: true)).map(\.id) == [a, c])
        #expect(try await store.jobs.list(JobFilter(includeFinished: true, limit: 2)).map(\.id) == [b, c])
        #expect(try await store.jobs.counts() == [.pending: 1, .held: 1, .cancelled: 1])
    }

    @Test func eventsAfterAnIdStreamOnlyNewOnes() async throws {
        let store = try TestStores.inMemory()
        let first = try await store.jobs.submit(TestStores.newJob()).id
        let seen = try await store.jobs.events()
        let cursor = try #require(seen.last?.id)
        let second = try await store.jobs.submit(TestStores.newJob()).id
        _ = try await store.jobs.claimNext(slots: 1)
        let newer = try await store.jobs.events(after: cursor)
        #expect(newer.map(\.jobID) == [second, first])
        #expect(newer.allSatisfy { $0.id > cursor })
        #expect(try await store.jobs.events(after: cursor, job: first).map(\.to) == [.running])
    }

    @Test func heartbeatStoresProgressOnlyWhileRunning() async throws {
        let clock = ManualClock()
        let store = try TestStores.inMemory(clock: clock)
        let id = try await store.jobs.submit(TestStores.newJob()).id
        await #expect(throws: StoreError.self) { try await store.jobs.heartbeat(id) }
        _ = try await store.jobs.claimNext(slots: 1)
        clock.advance(by: 30)
        try await store.jobs.heartbeat(id, progressJSON: #"{"generation":3}"#)
        let job = try await store.jobs.job(id)
        #expect(job.heartbeatAt == clock.now)
        #expect(job.progressJSON == #"{"generation":3}"#)
        try await store.jobs.heartbeat(id)
        #expect(try await store.jobs.job(id).progressJSON == #"{"generation":3}"#)
    }
}
