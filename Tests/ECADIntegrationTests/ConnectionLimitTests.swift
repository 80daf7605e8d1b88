import ECADAPI
import Foundation
import Testing

/// Idle API connections are closed and one uid cannot hold more than its cap, while a watch stream outlives the
/// idle timeout (docs/operations.md, "Connections").
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ConnectionLimitTests {
    static let nobody: UInt32 = 65534
    /// Another unprivileged uid (`daemon`).
    static let otherUser: UInt32 = 1
    static let script = DaemonHarness.packageRoot.appendingPathComponent("Tests/ECADIntegrationTests/Fixtures/connections.py").path

    @Test("a uid past its connection cap gets 429 while another uid and root are served",
          .enabled(if: getuid() == 0, "needs root to act as other uids"))
    func perUserCap() throws {
        let harness = try DaemonHarness()
        harness.daemonArguments = ["--max-connections-per-user", "4"]
        try harness.start()
        let output = harness.path("held.txt")
        // nobody may not be able to read the checkout (a clone in a 0700 mktemp folder): run a copy from the
        // harness's folder, which other uids can reach.
        let script = harness.path("connections.py")
        try FileManager.default.copyItem(atPath: Self.script, toPath: script)
        chmod(script, 0o644)
        let holder = try SpawnedProcess(
            ["/usr/bin/setpriv", "--reuid", "\(Self.nobody)", "--regid", "\(Self.nobody)", "--clear-groups",
             "/usr/bin/python3", script, "hold", harness.socket, "4"],
            environment: [:], stdout: output)
        let statuses = try Poll.until("4 connections held") { () -> String? in
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            return text.hasSuffix("\n") ? text : nil
        }
        #expect(statuses == "200 200 200 200\n")

        let (status, body) = try harness.curl("GET", "/v1/health", asUID: Self.nobody)
        #expect(status == 429, "the 5th connection of uid \(Self.nobody): \(status)")
        let error = try APIJSON.makeDecoder().decode(ErrorBody.self, from: body).error
        #expect(error.code == ErrorBody.tooManyConnections && error.message.contains("\(Self.nobody)"))
        #expect(try harness.curl("GET", "/v1/health", asUID: Self.otherUser).0 == 200)
        #expect(try harness.curl("GET", "/v1/health").0 == 200)

        kill(holder.pid, SIGKILL)
        holder.wait()
        _ = try Poll.until("uid \(Self.nobody) to be served again") {
            try harness.curl("GET", "/v1/health", asUID: Self.nobody).0 == 200 ? true : nil
        }
    }

    @Test("a connection that sends nothing, or nothing more after a request, is closed after the idle timeout")
    func idleConnectionsAreClosed() throws {
        let harness = try DaemonHarness()
        harness.daemonArguments = ["--idle-timeout", "1"]
        try harness.start()
        for mode in [[], ["request"]] {
            let probe = try CommandResult.run("/usr/bin/python3", [Self.script, "idle", harness.socket] + mode)
            #expect(probe.text == "closed\n", "\(mode): \(probe.text) \(probe.stderr)")
        }
        #expect(try harness.health().status == "ok")
    }

    @Test("a watch stream lasts past the idle timeout with keep-alive lines and ends with the job")
    func watchOutlivesTheIdleTimeout() throws {
        let harness = try DaemonHarness()
        harness.daemonArguments = ["--idle-timeout", "1"]
        try harness.start()
        let gate = harness.path("go")
        let running = try harness.submit(prompts: ["wait-for:\(gate)"])
        try harness.waitForJob(running, "to run") { $0.state == .running }
        let pending = try harness.submit(prompts: ["after"])
        let output = harness.path("watch.ndjson")
        let watch = try SpawnedProcess(
            ["/usr/bin/curl", "-sN", "--unix-socket", harness.socket, "http://localhost/v1/jobs/\(pending)/events?follow=1"],
            environment: [:], stdout: output)
        // The pending job does not change, so every line after the first is a keep-alive (one per half idle
        // timeout): five lines mean the stream has stayed open for twice the idle timeout.
        _ = try Poll.until("five lines on the watch stream") { try lines(output).count >= 5 ? true : nil }

        try Data().write(to: URL(fileURLWithPath: gate))
        #expect(watch.wait() == 0)
        let last = try #require(try lines(output).last)
        let page = try APIJSON.makeDecoder().decode(JobEventListResponse.self, from: Data(last.utf8))
        #expect(page.job?.state == .completed)
    }

    private func lines(_ path: String) throws -> [Substring] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n")
    }
}
