import ECADCore
@testable import ECADStore
import Foundation
import Testing

/// Measures what `synchronous = FULL` costs on this machine's disk, per kind of write, for docs/store.md.
///
/// Not a test: it asserts nothing and runs only with `ECAD_BENCH=1`
/// (`ECAD_BENCH=1 swift test --filter SyncModeBenchmark`). It prints one line per mode and operation.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ECAD_BENCH"] == "1"))
struct SyncModeBenchmark {
    static let operations = 300

    @Test func compareSyncModes() async throws {
        print("mode                            operation      ops/s     mean ms")
        for mode in SyncMode.allCases {
            let directory = try TestStores.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            var configuration = StoreConfiguration()
            configuration.syncMode = mode
            let store = try Store(stateDirectory: directory, configuration: configuration)
            let count = Self.operations

            var ids: [JobID] = []
            try await measure(mode, "submit") {
                for _ in 0..<count { ids.append(try await store.jobs.submit(TestStores.newJob()).id) }
            }
            _ = try await store.jobs.claimNext(slots: 1)
            let running = try #require(try await store.jobs.list(JobFilter(states: [.running])).first?.id)
            try await measure(mode, "heartbeat") {
                for _ in 0..<count { try await store.jobs.heartbeat(running, progressJSON: #"{"generation":1}"#) }
            }
            try await measure(mode, "log line") {
                for index in 0..<count { try await store.logs.append(job: running, stream: .worker, lines: ["line \(index)"]) }
            }
            try await measure(mode, "claim+complete", operations: count - 1) {
                for _ in 1..<count {
                    _ = try await store.jobs.complete(store.jobs.list(JobFilter(states: [.running]))[0].id)
                    _ = try await store.jobs.claimNext(slots: 1)
                }
            }
            #expect(ids.count == count)
        }
    }

    private func measure(
        _ mode: SyncMode, _ name: String, operations: Int = operations, _ body: () async throws -> Void
    ) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let line = [
            mode.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0),
            name.padding(toLength: 14, withPad: " ", startingAt: 0),
            String(format: "%8.0f", Double(operations) / seconds),
            String(format: "%10.3f", seconds * 1000 / Double(operations)),
        ]
        print(line.joined(separator: " "))
    }
}
