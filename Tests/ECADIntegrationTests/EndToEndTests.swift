import ECADAPI
import ECADCore
import Foundation
import Testing

/// Every endpoint, through the CLI and curl, against the real `ecadd` binary and the fake worker.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct EndToEndTests {
    @Test("a generate job runs end to end through a real worker process")
    func generateJobRunsEndToEnd() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let spec = harness.path("spec.json")
        try #"{"kind":"generate","model":"fake","prompts":["a red circle","a blue square"]}"#
            .write(toFile: spec, atomically: true, encoding: .utf8)

        let submitted = try harness.ecad(["submit", spec, "--set", "seeds=[1,2]", "--priority", "3"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let id = try #require(Int64(submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)))

        let watch = try harness.ecad(["watch", String(id)])
        #expect(watch.status == 0)
        #expect(watch.text.contains("RUNNING -> COMPLETED"))

        let job = try harness.job(id)
        #expect(job.state == .completed)
        #expect(job.priority == 3)
        #expect(job.progress?.imagesDone == 4)
        #expect(job.spec?["seeds"] == .array([.int(1), .int(2)]))

        let artifacts = try harness.get("/v1/jobs/\(id)/artifacts", as: ArtifactListResponse.self)
        #expect(artifacts.artifacts.map(\.path) == ["grid.png", "images.json", "p000-s1.png", "p000-s2.png", "p001-s1.png", "p001-s2.png"])
        let png = try Data(contentsOf: URL(fileURLWithPath: harness.stateDirectory + "/artifacts/\(id)/p000-s1.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))

        let events = try harness.get("/v1/jobs/\(id)/events", as: JobEventListResponse.self)
        #expect(events.events.map(\.to) == [.pending, .running, .completed])
        let later = try harness.get("/v1/jobs/\(id)/events?after=\(events.events[1].id)", as: JobEventListResponse.self)
        #expect(later.events.map(\.to) == [.completed])

        let logs = try harness.get("/v1/jobs/\(id)/logs", as: JobLogResponse.self)
        #expect(logs.lines.contains { $0.text.contains("fake-worker: shutdown") })
        #expect(try harness.ecad(["logs", String(id)]).text.contains("fake-worker"))

        let show = try harness.ecad(["show", String(id)])
        #expect(show.text.contains("State=COMPLETED"))
        let queue = try harness.ecad(["queue", "--all"])
        #expect(queue.text.contains("JOBID") && queue.text.contains("COMPLETED"))
        let json = try harness.ecad(["queue", "--all", "--json"])
        #expect(try APIJSON.makeDecoder().decode(JobListResponse.self, from: json.stdout).jobs.map(\.id) == [id])

        let (frontStatus, frontBody) = try harness.curl("GET", "/v1/jobs/\(id)/front")
        #expect(frontStatus == 404)
        #expect(String(decoding: frontBody, as: UTF8.self).contains("only search jobs have a front"))

        let (metricsStatus, metrics) = try harness.curl("GET", "/metrics")
        #expect(metricsStatus == 200)
        #expect(String(decoding: metrics, as: UTF8.self).contains("ecadd_jobs{state=\"COMPLETED\"} 1"))
        #expect(try harness.health().jobs["COMPLETED"] == 1)
        #expect(harness.stopDaemon() == 0)
    }

    @Test("hold, release, requeue and cancel move jobs as asked")
    func stateActions() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let gate = harness.path("go")
        let running = try harness.submit(prompts: ["wait-for:\(gate)"])
        try harness.waitForJob(running, "to run") { $0.state == .running }
        let waiting = try harness.submit(prompts: ["a"])
        #expect(try harness.ecad(["hold", String(waiting)]).text.contains("HELD (JobHeldUser)"))
        #expect(try harness.ecad(["queue", "--state", "HELD"]).text.contains("\(waiting)"))
        #expect(try harness.ecad(["release", String(waiting)]).text.contains("PENDING"))

        let requeue = try harness.ecad(["requeue", String(running)])
        #expect(requeue.status == 0, "\(requeue.stderr)")
        let again = try harness.waitForJob(running, "to run again") { $0.state == .running && $0.restarts == 1 }
        #expect(again.restarts == 1)

        #expect(try harness.ecad(["cancel", String(waiting)]).text.contains("CANCELLED"))
        let refused = try harness.ecad(["cancel", String(waiting)])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("CANCELLED"))
        let (status, _) = try harness.curl("POST", "/v1/jobs/\(running)/cancel")
        #expect(status == 200)
        try harness.waitForJob(running, "to be cancelled") { $0.state == .cancelled }
        #expect(try harness.health().status == "ok")
    }

    @Test("CLI exit codes: 2 for usage, 3 when the daemon is unreachable")
    func exitCodes() throws {
        let harness = try DaemonHarness()
        let unreachable = try harness.ecad(["queue"])
        #expect(unreachable.status == 3)
        #expect(unreachable.stderr.contains("hint: start it with"))
        #expect(try harness.ecad(["show", "not-a-number"]).status == 2)
        #expect(try harness.ecad(["frobnicate"]).status == 2)
        let missing = try harness.ecad(["submit", harness.path("missing.json")])
        #expect(missing.status == 2)
    }
}
