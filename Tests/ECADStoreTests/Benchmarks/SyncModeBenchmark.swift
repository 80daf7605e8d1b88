import ECADCore
@testable import ECADStore
import Foundation
import Testing

/// Measures what `synchronous = FULL` costs on this machine's disk, per kind of write, for docs/store.md.
///
/// Not a test: it asserts nothing and runs only with `ECAD_BENCH=1`
/// (`ECAD_BENCH=1 swift test --filter SyncModeBenchmark`). It prints one line per mode and operation; "submit x32"
/// is 32 tasks submitting at once (group commit), the other rows are sequential.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ECAD_BENCH"] == "1"))
struct SyncModeBenchmark {
    static let operations = 320

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
            try await measure(mode, "submit x32") {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<32 {
                        group.addTask { for _ in 0..<(count / 32) { _ = try await store.jobs.submit(TestStores.newJob()) } }
                    }
                    try await group.waitForAll()
                }
            }
            _ = try await store.jobs.claimNext(slots: 1)
            let running = try #require(try await store.jobs.list(JobFilter(states: [.running])).first?.id)
            try await measure(mode, "heartbeat") {
                for _ in 0..<count { try await store.jobs.heartbeat(running, progressJSON: #"{"generation":1}"#) }
            }
            try await measure(mode, "log line") {
                for index in 0..<count { try await store.logs.append(job: running, stream: .worker, lines: ["line \(index)"]) }
            }
            var completing = Duration.zero
            var claiming = Duration.zero
            let clock = ContinuousClock()
            var current = running
            for _ in 1..<count {
                completing += try await clock.measure { _ = try await store.jobs.complete(current) }
                var next: [Job] = []
                claiming += try await clock.measure { next = try await store.jobs.claimNext(slots: 1) }
                current = try #require(next.first?.id)
            }
            report(mode, "complete", seconds: completing.seconds, operations: count - 1)
            report(mode, "claim", seconds: claiming.seconds, operations: count - 1)
            #expect(ids.count == count)
        }
    }

    private func measure(
        _ mode: SyncMode, _ name: String, operations: Int = operations, _ body: () async throws -> Void
    ) async throws {
        let elapsed = try await ContinuousClock().measure(body)
        report(mode, name, seconds: elapsed.seconds, operations: operations)
    }

    private func report(_ mode: SyncMode, _ name: String, seconds: Double, operations: Int) {
        let line = [
            mode.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0),
            name.padding(toLength: 14, withPad: " ", startingAt: 0),
            String(format: "%8.0f", Double(operations) / seconds),
            String(format: "%10.3f", seconds * 1000 / Double(operations)),
        ]
        print(line.joined(separator: " "))
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
