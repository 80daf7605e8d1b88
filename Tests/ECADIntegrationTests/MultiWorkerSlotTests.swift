import ECADAPI
import ECADCore
import Foundation
import Testing

/// Slots, devices and the `workers` cap, through the real `ecadd` and the fake worker (wrapped in a script that
/// records each worker's environment).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct MultiWorkerSlotTests {
    @Test("spec.workers out of 1...256 or not an integer is refused at submit, naming the field", arguments: [
        "0", "257", "-1", "\"two\"", "1.5",
    ])
    func badWorkerCountsAreRefused(value: String) throws {
        let harness = try DaemonHarness()
        try harness.start()
        for kind in ["generate", "search"] {
            let body = #"{"kind":"\#(kind)","spec":{"model":"fake","prompts":["a"],"workers":\#(value)}}"#
            let (status, answer) = try harness.curl("POST", "/v1/jobs", body: body)
            #expect(status == 400, "\(kind) workers=\(value): \(String(decoding: answer, as: UTF8.self))")
            let error = try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer)
            #expect(error.error.field == "spec.workers", "\(kind) workers=\(value): \(error)")
        }
        #expect(try harness.health().status == "ok")
    }

    @Test("ecadd refuses --slots that do not match --devices, naming both")
    func mismatchedSlotsAndDevicesAreRefused() throws {
        let harness = try DaemonHarness()
        let result = try CommandResult.run(
            DaemonHarness.binDirectory + "/ecadd",
            ["--socket", harness.path("x.sock"), "--state-dir", harness.path("state"), "--slots", "3", "--devices", "cuda:0,cuda:1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--slots 3") && result.stderr.contains("--devices"), "\(result.stderr)")
    }

    @Test("--devices and --worker-threads reach every worker; workers = 1 keeps a search on its own worker")
    func devicesThreadsAndTheWorkerCap() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecad-mw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let envLog = folder.appendingPathComponent("env.log").path, gate = folder.appendingPathComponent("gate").path
        let script = folder.appendingPathComponent("worker.sh").path
        try Data("""
            #!/bin/bash
            echo "$ECAD_JOB_ID ${CUDA_VISIBLE_DEVICES:-none} ${ECAD_THREADS:-none}" >> '\(envLog)'
            exec '\(DaemonHarness.fakeWorker)' "$@"

            """.utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        let harness = try DaemonHarness(slots: 3, worker: .custom(script), recordWorkerIO: true)
        harness.daemonArguments = ["--devices", "cuda:4,cuda:5,cuda:6", "--worker-threads", "1"]
        try harness.useFakeModels()
        try harness.start()

        func search(workers: Int?) throws -> Int64 {
            var fields: [(String, JSONValue)] = [
                ("kind", .string("search")), ("model", .string("fake")),
                ("prompts", .array([.string("wait-for:\(gate)"), .string("a red circle")])),
                ("population", .int(12)), ("seed", .int(2)), ("budgets", .object([("generations", .int(2))])),
                ("publish", .object([("enabled", .bool(false))])),
            ]
            if let workers { fields.append(("workers", .int(workers))) }
            return try harness.submitSearch(.object(fields))
        }
        let capped = try search(workers: 1)
        try harness.waitForJob(capped, "to run") { $0.state == .running }
        let open = try search(workers: nil)
        // The third slot is lent at the first turn that finds nothing pending: to the uncapped search only.
        try harness.waitForJob(open, "to hold 2 workers", seconds: 60) { $0.workers == 2 }
        #expect(try harness.job(capped).workers == 1)
        let queue = try harness.ecad(["queue"])
        #expect(queue.text.contains("WORKERS"), "\(queue.text)")
        let row = queue.text.split(separator: "\n").first { $0.hasPrefix("\(open) ") }.map { $0.split(separator: " ").map(String.init) }
        #expect(row?.contains("2") == true, "the open search's row: \(queue.text)")
        #expect(try harness.ecad(["show", String(open)]).text.contains("Workers=2"))
        FileManager.default.createFile(atPath: gate, contents: nil)
        for id in [capped, open] { try harness.waitForJob(id, "to complete", seconds: 60) { $0.state == .completed } }
        #expect(harness.stopDaemon() == 0)

        let lines = try String(contentsOfFile: envLog, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.filter { $0.first == String(capped) }.count == 1, "workers = 1: one worker process, \(lines)")
        #expect(lines.filter { $0.first == String(open) }.count == 2, "\(lines)")
        #expect(Set(lines.map { $0[1] }) == ["4", "5", "6"], "each slot's card: \(lines)")
        #expect(lines.allSatisfy { $0[2] == "1" }, "ECAD_THREADS: \(lines)")
        let recorder = try #require(harness.recorder)
        let loads = recorder.workerPIDs.flatMap { recorder.messages(pid: $0, type: "load") }
        #expect(loads.count == 3)
        #expect(loads.allSatisfy { $0["device"] as? String == "cuda:0" }, "the load names the one card the worker sees: \(loads)")
    }
}
