import ECADAPI
import ECADCore
import Foundation
import Testing

/// What `ecadd` tells systemd through `NOTIFY_SOCKET` (a datagram socket the test binds): READY, a STATUS line
/// with the running search's generation, STOPPING on SIGTERM.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SystemdNotifyTests {
    @Test("STATUS carries the running search's generation and budget")
    func statusShowsTheSearchGeneration() throws {
        let harness = try DaemonHarness()
        try harness.useFakeModels()
        let notify = try NotifySocket(path: harness.path("notify.sock"))
        harness.environment["NOTIFY_SOCKET"] = notify.path
        // 100,000 generations is over the default limit (10,000): an admin raises it, as docs/operations.md says.
        harness.daemonArguments = ["--limit", "generations=100000"]
        try harness.start()
        let ready = try notify.wait(for: "READY=1") { $0.contains("READY=1") }
        #expect(ready.contains("STATUS=listening on \(harness.socket)"))
        _ = try notify.wait(for: "an idle STATUS") { $0.contains("STATUS=0 running, 0 pending, gen -") }

        // The fake worker answers at once, so this search runs for minutes unless cancelled.
        let id = try harness.submitSearch(.object([
            ("kind", .string("search")), ("model", .string("fake")), ("prompts", .array([.string("a"), .string("b")])),
            ("population", .int(4)), ("budgets", .object([("generations", .int(100_000))])),
            ("publish", .object([("enabled", .bool(false))])),
        ]))
        let status = try notify.wait(for: "STATUS with generation >= 1 of 100000") { message in
            guard let range = message.range(of: #"STATUS=1 running, 0 pending, gen (\d+)/100000$"#, options: .regularExpression),
                let number = message[range].split(separator: " ").last?.split(separator: "/").first
            else { return false }
            return (Int(number) ?? 0) >= 1
        }
        let generation = try #require(Int(status.split(separator: " ").last?.split(separator: "/").first ?? ""))
        let job = try harness.waitForJob(id, "to report generation \(generation)") { ($0.progress?.generation ?? 0) >= generation }
        #expect(job.state == .running)

        #expect(try harness.curl("POST", "/v1/jobs/\(id)/cancel").0 == 200)
        _ = try notify.wait(for: "STATUS after the cancel") { $0.contains("STATUS=0 running, 0 pending, gen -") }
        #expect(harness.stopDaemon() == 0)
        _ = try notify.wait(for: "STOPPING=1") { $0.contains("STOPPING=1") }
    }
}
