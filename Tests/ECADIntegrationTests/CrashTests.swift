import ECADAPI
import Foundation
import Testing

/// Killing the daemon or a worker loses no job; crashing or hanging workers are requeued, then held.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CrashTests {
    @Test("kill -9 of the daemon: RUNNING jobs return to PENDING with restarts+1, nothing is lost")
    func daemonKilled() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let gate = harness.path("go")
        let running = try harness.submit(prompts: ["wait-for:\(gate)"])
        try harness.waitForJob(running, "to run") { $0.state == .running }
        let pending = try (0..<3).map { _ in try harness.submit(prompts: ["wait-for:\(gate)"]) }
        harness.killDaemon()

        try harness.start()
        let recovered = try harness.job(running)
        #expect(recovered.restarts == 1)
        let events = try harness.get("/v1/jobs/\(running)/events", as: JobEventListResponse.self).events
        #expect(events.contains { $0.from == .running && $0.to == .pending && $0.reason == "DaemonRestart" })
        for id in pending { #expect(try harness.job(id).restarts == 0) }

        try Data().write(to: URL(fileURLWithPath: gate))
        for id in [running] + pending {
            try harness.waitForJob(id, "to complete") { $0.state == .completed }
        }
        let all = try harness.get("/v1/jobs?all=1", as: JobListResponse.self).jobs
        #expect(all.map(\.id) == [running] + pending)
        #expect(harness.stopDaemon() == 0)
    }

    @Test("kill -9 of a worker: the job is requeued and runs again; the daemon keeps serving")
    func workerKilled() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let gate = harness.path("go"), pidFile = harness.path("worker.pid")
        let id = try harness.submit(prompts: ["pid-to:\(pidFile)", "wait-for:\(gate)"])
        let pid = try Poll.until("the worker's pid") { try? String(contentsOfFile: pidFile, encoding: .utf8) }
        try FileManager.default.removeItem(atPath: pidFile)
        kill(try #require(Int32(pid)), SIGKILL)

        let requeued = try harness.waitForJob(id, "to run again") { $0.restarts == 1 && $0.state == .running }
        #expect(requeued.restarts == 1)
        let events = try harness.get("/v1/jobs/\(id)/events", as: JobEventListResponse.self).events
        #expect(events.contains { $0.to == .pending && $0.reason == "WorkerCrashed" })
        #expect(try harness.health().status == "ok")
        try Data().write(to: URL(fileURLWithPath: gate))
        try harness.waitForJob(id, "to complete") { $0.state == .completed }
    }

    @Test("a worker that crashes three times in a row holds the job with reason CrashLimit")
    func crashLimit() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let id = try harness.submit(prompts: ["crash"])
        let held = try harness.waitForJob(id, "to be held") { $0.state == .held }
        #expect(held.reason == "CrashLimit")
        #expect(held.restarts == 3)
        let logs = try harness.get("/v1/jobs/\(id)/logs", as: JobLogResponse.self).lines
        #expect(logs.contains { $0.stream == "daemon" && $0.text.contains("exit 3") })
        let other = try harness.submit(prompts: ["fine"])
        try harness.waitForJob(other, "to complete") { $0.state == .completed }
    }

    @Test("a hung worker is killed at its heartbeat deadline and the job requeued")
    func hungWorker() throws {
        let harness = try DaemonHarness(heartbeatTimeout: 1)
        try harness.start()
        let marker = harness.path("hung-once")
        let id = try harness.submit(prompts: ["hang-once:\(marker)"])
        let done = try harness.waitForJob(id, "to complete after one hang") { $0.state == .completed }
        #expect(done.restarts == 1)
        let events = try harness.get("/v1/jobs/\(id)/events", as: JobEventListResponse.self).events
        #expect(events.contains { $0.reason == "WorkerHung" })
        #expect(try harness.health().status == "ok")
    }

    @Test("SIGTERM requeues running jobs and exits 0")
    func gracefulShutdown() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let gate = harness.path("go")
        let id = try harness.submit(prompts: ["wait-for:\(gate)"])
        try harness.waitForJob(id, "to run") { $0.state == .running }
        #expect(harness.stopDaemon() == 0)
        try harness.start()
        let events = try harness.get("/v1/jobs/\(id)/events", as: JobEventListResponse.self).events
        #expect(events.contains { $0.to == .pending && $0.reason == "DaemonShutdown" })
        try Data().write(to: URL(fileURLWithPath: gate))
        let done = try harness.waitForJob(id, "to complete") { $0.state == .completed }
        #expect(done.restarts == 1)
    }
}
