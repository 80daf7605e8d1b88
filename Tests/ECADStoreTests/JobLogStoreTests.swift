import ECADStore
import Foundation
import Testing

struct JobLogStoreTests {
    @Test func linesAreReadBackInOrderAndFollowedByCursor() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        let other = try await store.jobs.submit(TestStores.newJob()).id
        try await store.logs.append(job: id, stream: .daemon, lines: ["started"])
        try await store.logs.append(job: other, stream: .worker, lines: ["elsewhere"])
        try await store.logs.append(job: id, stream: .worker, lines: ["one", "two"])
        let all = try await store.logs.lines(job: id)
        #expect(all.map(\.text) == ["started", "one", "two"])
        #expect(all.map(\.stream) == [.daemon, .worker, .worker])
        let cursor = try #require(all.first?.id)
        #expect(try await store.logs.lines(job: id, after: cursor).map(\.text) == ["one", "two"])
    }

    @Test func aNulKeepsTheRestOfItsLine() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.logs.append(job: id, stream: .worker, lines: ["prompt: red\u{0}circle", "next"])
        #expect(try await store.logs.lines(job: id).map(\.text) == ["prompt: red\u{2400}circle", "next"])
    }

    @Test func longLinesAreCutAndOldLinesDropped() async throws {
        let clock = ManualClock()
        let store = try Store.inMemory(configuration: StoreConfiguration(logLinesKept: 3, now: { clock.now }))
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.logs.append(job: id, stream: .worker, lines: (1...5).map { "line \($0)" })
        #expect(try await store.logs.lines(job: id).map(\.text) == ["line 3", "line 4", "line 5"])
        let long = String(repeating: "é", count: InputLimits.maxLogLineBytes)
        try await store.logs.append(job: id, stream: .worker, lines: [long])
        let stored = try #require(try await store.logs.lines(job: id).last?.text)
        #expect(stored.utf8.count <= InputLimits.maxLogLineBytes + 3)
        #expect(stored.hasSuffix("…") && stored.hasPrefix("éé"))
    }
}
