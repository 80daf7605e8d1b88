import ECADAPI
import Foundation
import Testing

/// A full disk under the state directory (a real ENOSPC on a small tmpfs): the daemon says so, names the
/// folder and its free bytes, and the queue moves again once there is room.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: TmpfsMount.isAvailable, "needs root and mount -t tmpfs"))
struct FullDiskTests {
    @Test("a run that ends on a full disk leaves RUNNING once there is room, and the queued jobs run")
    func runEndingOnAFullDisk() throws {
        let harness = try DaemonHarness()
        let disk = try TmpfsMount(at: harness.stateDirectory, bytes: 16 << 20)
        try harness.start()
        let gate = harness.path("go")
        let first = try harness.submit(prompts: ["wait-for:\(gate)"])
        try harness.waitForJob(first, "to run") { $0.state == .running }
        let queued = try (0..<2).map { _ in try harness.submit(prompts: ["queued"]) }

        disk.fill()
        let (status, body) = try submitBody(harness)
        #expect(status == 507, "submit on a full disk: \(status) \(String(decoding: body, as: UTF8.self))")
        let error = try APIJSON.makeDecoder().decode(ErrorBody.self, from: body).error
        #expect(error.code == ErrorBody.insufficientStorage)
        #expect(error.message.contains("is full") && error.message.contains(harness.stateDirectory))
        #expect(error.message.contains("bytes free"))

        // The run ends while nothing can be written: its worker exits, its final state is not recorded.
        try Data().write(to: URL(fileURLWithPath: gate))
        _ = try Poll.until("the worker to exit") { harness.workerPIDs().isEmpty ? true : nil }
        disk.makeRoom()

        let done = try harness.waitForJob(first, "to leave RUNNING and end", seconds: 60) { $0.state.isTerminal }
        let events = try harness.get("/v1/jobs/\(first)/events", as: JobEventListResponse.self).events
        let history = events.map { "\($0.to.rawValue)(\($0.reason ?? ""))" }.joined(separator: " ")
        // Usually SQLite cannot write the end of the run: the job is requeued (WorkerLost) and runs again once
        // there is room. SQLite sometimes finds room for that small write in pages its WAL already holds; then
        // the worker's failed write (ENOSPC) is recorded and the job fails. Either way it does not stay RUNNING.
        if events.contains(where: { $0.reason == "WorkerLost" }) {
            #expect(done.state == .completed && done.restarts == 1, "job \(first): \(history)")
        } else {
            #expect(done.state == .failed && done.reason == "WorkerError", "job \(first): \(history)")
        }
        for id in queued {
            try harness.waitForJob(id, "to run once there is room", seconds: 60) { $0.state == .completed }
        }
        #expect(try harness.health().status == "ok")
    }

    @Test("ecadd on a full disk will not start and says the disk is full, where, and how much is free")
    func startOnAFullDisk() throws {
        let harness = try DaemonHarness()
        let disk = try TmpfsMount(at: harness.stateDirectory, bytes: 4 << 20)
        disk.fill()

        // `timeout` so that a daemon that starts after all fails the test instead of hanging it.
        let result = try CommandResult.run(
            "/usr/bin/timeout",
            ["-s", "KILL", "20", DaemonHarness.binDirectory + "/ecadd", "--socket", harness.socket, "--state-dir", harness.stateDirectory,
             "--worker", harness.workerExecutable])
        #expect(result.status == 1, "ecadd said: \(result.stderr)")
        #expect(result.stderr.contains("is full"), "ecadd said: \(result.stderr)")
        #expect(result.stderr.contains(harness.stateDirectory) && result.stderr.contains("bytes free"), "ecadd said: \(result.stderr)")

        disk.makeRoom()
        try harness.start()
        #expect(try harness.health().status == "ok")
    }

    private func submitBody(_ harness: DaemonHarness) throws -> (Int, Data) {
        let request = SubmitJobRequest(
            kind: .generate, spec: .object([("model", .string("fake")), ("prompts", .array([.string("late")]))]))
        return try harness.curl("POST", "/v1/jobs", body: String(decoding: try APIJSON.makeEncoder().encode(request), as: UTF8.self))
    }
}
