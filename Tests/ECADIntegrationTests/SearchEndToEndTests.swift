import ECADAPI
import ECADCore
import Foundation
import Testing

/// A whole search through the real `ecadd` and a worker process: an uninterrupted run, and runs whose
/// daemon or worker is killed with SIGKILL at seeded random points, must end with the same front.
///
/// The worker is the one ``DaemonHarness`` starts (the fake worker, whose rewards are a deterministic function
/// of the schedule's bits). The model is a parameter: `ECAD_SEARCH_MODEL` (default `fake`) and
/// `ECAD_MODELS_DIR` (default: a temp folder with a 4-block config); to run on the embedded model, point the
/// harness's `--worker` at the native `ecad-worker` and set `ECAD_SEARCH_MODEL=shapes32 ECAD_MODELS_DIR=models`.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct SearchEndToEndTests {
    private static let model = ProcessInfo.processInfo.environment["ECAD_SEARCH_MODEL"] ?? "fake"

    /// A models directory the daemon reads the model's layout from (`fake`: 4 PixArt blocks).
    private static func modelsDirectory(_ harness: DaemonHarness) throws -> String {
        if let path = ProcessInfo.processInfo.environment["ECAD_MODELS_DIR"] { return path }
        let folder = URL(fileURLWithPath: harness.path("models/fake/transformer"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
            {"attention_head_dim": 32, "caption_channels": 128, "cross_attention_dim": 128, "in_channels": 3,
             "num_attention_heads": 4, "num_layers": 4, "patch_size": 2, "sample_size": 32}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        return harness.path("models")
    }

    private static func start(_ harness: DaemonHarness) throws {
        setenv("ECAD_MODELS_DIR", try modelsDirectory(harness), 1)
        try harness.start()
    }

    private static func submit(_ harness: DaemonHarness, pidFile: String) throws -> Int64 {
        let spec: JSONValue = .object([
            ("kind", .string("search")), ("model", .string(model)),
            ("prompts", .array(["pid-to:\(pidFile)", "a red circle", "a blue square"].map { .string($0) })),
            ("population", .int(8)), ("seed", .int(3)),
            ("init", .object([("heuristics", .array([.string("fora:n=2")]))])),
            ("budgets", .object([("generations", .int(30))])),
            ("publish", .object([("enabled", .bool(false))])),
        ])
        let body = String(decoding: try APIJSON.makeEncoder().encode(SubmitJobRequest(kind: .search, spec: spec)), as: UTF8.self)
        let (status, answer) = try harness.curl("POST", "/v1/jobs", body: body)
        #expect(status == 201, "submit answered \(status): \(String(decoding: answer, as: UTF8.self))")
        return try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
    }

    /// The front's members as comparable lines (digest and every metric).
    private static func front(_ harness: DaemonHarness, _ id: Int64) throws -> [String] {
        try harness.get("/v1/jobs/\(id)/front", as: FrontView.self).members.map { member in
            member.scheduleDigest + " " + member.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    /// The front's generation, or nil while the job has no checkpoint (404).
    private static func generation(_ harness: DaemonHarness, _ id: Int64) throws -> Int? {
        let (status, body) = try harness.curl("GET", "/v1/jobs/\(id)/front")
        guard status == 200 else { return nil }
        return try APIJSON.makeDecoder().decode(FrontView.self, from: body).generation
    }

    @Test("kill -9 of the daemon and of the worker at seeded random points: same front as an uninterrupted run")
    func killedSearchesEndWithTheSameFront() throws {
        let clean = try DaemonHarness()
        try Self.start(clean)
        let cleanID = try Self.submit(clean, pidFile: clean.path("worker.pid"))
        try clean.waitForJob(cleanID, "to complete", seconds: 120) { $0.state == .completed }
        let expected = try Self.front(clean, cleanID)
        #expect(!expected.isEmpty)
        let table = try clean.ecad(["front", String(cleanID)])
        #expect(table.status == 0)
        #expect(table.text.contains("RANK") && table.text.contains("SPEEDUP"))
        #expect(table.text.split(separator: "\n").count == expected.count + 2)
        let json = try clean.ecad(["front", String(cleanID), "--json"])
        #expect(try APIJSON.makeDecoder().decode(FrontView.self, from: json.stdout).members.count == expected.count)
        _ = clean.stopDaemon()

        var seed: UInt64 = 0x5EA4C4
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for killWorker in [false, true] {
            let harness = try DaemonHarness()
            try Self.start(harness)
            let pidFile = harness.path("worker.pid")
            let id = try Self.submit(harness, pidFile: pidFile)
            var target = 0
            for _ in 0..<3 {
                target += 1 + next(3)
                let reached = try Poll.until("generation \(target)", seconds: 60) { () -> Bool? in
                    if try harness.job(id).state == .completed { return false }
                    return (try Self.generation(harness, id) ?? -1) >= target ? true : nil
                }
                guard reached else { break }
                if killWorker {
                    if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                        let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    {
                        kill(pid, SIGKILL)
                    }
                } else {
                    harness.killDaemon()
                    try harness.start()
                }
            }
            let done = try harness.waitForJob(id, "to complete", seconds: 120) { $0.state == .completed }
            #expect(done.restarts > 0, "killWorker=\(killWorker): the job was never interrupted")
            #expect(try Self.front(harness, id) == expected, "killWorker=\(killWorker)")
            _ = harness.stopDaemon()
        }
    }
}
