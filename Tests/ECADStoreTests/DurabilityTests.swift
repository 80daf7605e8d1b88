@testable import ECADStore
import Foundation
import Synchronization
import Testing

struct DurabilityTests {
    @Test func fileStoreUsesWALWithFullSyncAfterRelaxedWrites() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory)
        var pragmas = try await store.writerPragmas()
        #expect(pragmas.journalMode == "wal" && pragmas.synchronous == 2)
        let id = try await store.jobs.submit(TestStores.newJob()).id
        try await store.logs.append(job: id, stream: .worker, lines: ["x"])
        pragmas = try await store.writerPragmas()
        #expect(pragmas.synchronous == 2)
    }

    @Test func everyWriteTransactionBeginsImmediate() async throws {
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let statements = Mutex<[String]>([])
        var configuration = StoreConfiguration()
        configuration.statementObserver = { sql in statements.withLock { $0.append(sql) } }
        let store = try Store(stateDirectory: directory, configuration: configuration)
        statements.withLock { $0.removeAll() }
        let id = try await store.jobs.submit(TestStores.newJob()).id
        _ = try await store.jobs.claimNext(slots: 1)
        try await store.jobs.heartbeat(id)
        _ = try await store.jobs.complete(id)
        let begins = statements.withLock { $0 }.filter { $0.hasPrefix("BEGIN") }
        #expect(begins.filter { $0.contains("IMMEDIATE") }.count == 4)
        #expect(begins.allSatisfy { $0.contains("IMMEDIATE") || $0.contains("DEFERRED") })
    }
}
