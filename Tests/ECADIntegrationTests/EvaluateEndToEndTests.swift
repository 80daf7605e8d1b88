import ECADAPI
import ECADCore
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An `evaluate` job through the real `ecadd` and the fake worker: a small search, then its front against the FORA
/// family. The fake worker answers rewards, MACs and latency; the optional fields (Fréchet distance, PSNR, SSIM,
/// images) are checked only when the fixture answers them, else they must show as `-`.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct EvaluateEndToEndTests {
    /// Whether the fake worker fills the optional evaluate fields.
    private static let fixtureMeasuresFidelity =
        ((try? String(contentsOfFile: DaemonHarness.fakeWorker, encoding: .utf8)) ?? "").contains("frechet_distance")

    /// Starts a daemon whose models directory holds `fake` (4 PixArt blocks). The daemon reads `ECAD_MODELS_DIR`
    /// from this process's environment, which other suites set too; so the folder is a fixed one that is never
    /// deleted, with the same config bytes as SearchEndToEndTests' (equal model digests whichever folder a
    /// daemon gets).
    private static func start() throws -> DaemonHarness {
        let models = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecad-it-models-fake")
        let folder = models.appendingPathComponent("fake/transformer")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
            {"attention_head_dim": 32, "caption_channels": 128, "cross_attention_dim": 128, "in_channels": 3,
             "num_attention_heads": 4, "num_layers": 4, "patch_size": 2, "sample_size": 32}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"), options: .atomic)
        setenv("ECAD_MODELS_DIR", models.path, 1)
        let harness = try DaemonHarness()
        try harness.start()
        return harness
    }

    private static func submit(_ harness: DaemonHarness, _ kind: JobView.Kind, _ fields: [(String, JSONValue)]) throws -> (Int, Data) {
        let request = SubmitJobRequest(kind: kind, spec: .object([("model", .string("fake"))] + fields))
        return try harness.curl("POST", "/v1/jobs", body: String(decoding: try APIJSON.makeEncoder().encode(request), as: UTF8.self))
    }

    private static func id(_ answer: (Int, Data)) throws -> Int64 {
        #expect(answer.0 == 201, "submit answered \(answer.0): \(String(decoding: answer.1, as: UTF8.self))")
        return try APIJSON.makeDecoder().decode(JobView.self, from: answer.1).id
    }

    private static let prompts: JSONValue = .array(["a red circle", "a blue square", "a green ring"].map { .string($0) })

    @Test("a search's front against the FORA family: every file, one row per distinct schedule, goals in the log")
    func frontAgainstHeuristics() throws {
        let harness = try Self.start()
        let search = try Self.id(try Self.submit(harness, .search, [
            ("prompts", Self.prompts), ("population", .int(8)), ("seed", .int(3)),
            ("init", .object([("heuristics", .array([.string("fora:n=2")]))])),
            ("budgets", .object([("generations", .int(2))])), ("publish", .object([("enabled", .bool(false))])),
        ]))
        try harness.waitForJob(search, "to complete", seconds: 60) { $0.state == .completed }
        let frontSize = try harness.get("/v1/jobs/\(search)/front", as: FrontView.self).members.count

        let evaluate = try Self.id(try Self.submit(harness, .evaluate, [
            ("prompts", Self.prompts), ("front", .string(String(search))),
            ("schedules", .array([.object([("heuristic", .string("fora"))]), .object([("heuristic", .string("fora:n=2"))])])),
            ("metrics", .array(["reward", "macs", "latency", "fid", "psnr", "ssim", "clip"].map { .string($0) })),
            ("latency_repeats", .int(2)),
        ]))
        let done = try harness.waitForJob(evaluate, "to finish", seconds: 60) { $0.state.isTerminal }
        let logs = try harness.get("/v1/jobs/\(evaluate)/logs", as: JobLogResponse.self).lines.map(\.text)
        #expect(done.state == .completed, "\(logs)")

        let folder = harness.stateDirectory + "/artifacts/\(evaluate)/"
        let recorded = Set(try harness.get("/v1/jobs/\(evaluate)/artifacts", as: ArtifactListResponse.self).artifacts.map(\.path))
        for file in ["table.txt", "table.csv", "table.json", "pareto.svg", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder + file), "\(file) written")
            #expect(recorded.contains(file), "\(file) recorded")
        }
        let svg = try Data(contentsOf: URL(fileURLWithPath: folder + "pareto.svg"))
        let document = try XMLDocument(data: svg)
        #expect(document.rootElement()?.name == "svg")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "table.json"))) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let measured = rows.compactMap { $0["row"] as? [String: Any] }
        let digests = measured.compactMap { $0["digest"] as? String }
        #expect(digests.count == rows.count && Set(digests).count == digests.count, "one row per distinct schedule")
        let sources = measured.flatMap { ($0["sources"] as? [[String: Any]]) ?? [] }
        #expect((sources.first?["kind"] as? String) == "uncached")
        #expect(sources.filter { $0["kind"] as? String == "heuristic" }.count == 4, "fora n=2..5, the repeated fora:n=2 kept once")
        #expect(sources.filter { $0["kind"] as? String == "front" }.count == frontSize)
        #expect(rows.count <= 1 + frontSize + 4)
        let csv = try String(contentsOfFile: folder + "table.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == rows.count + 1)
        let fidCells = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] }
        if Self.fixtureMeasuresFidelity {
            #expect(fidCells.allSatisfy { $0 != "-" })
            #expect(recorded.contains { $0.hasPrefix("images/") })
        } else {
            #expect(fidCells.allSatisfy { $0 == "-" })
        }
        #expect(logs.contains { $0.hasPrefix("metric clip: not measured") })
        #expect(logs.contains { $0.hasPrefix("Goal 1: ") } && logs.contains { $0.hasPrefix("Goal 2: ") })
        let html = try String(contentsOfFile: folder + "report.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Goal 2:"))
        _ = harness.stopDaemon()
    }

    @Test("bad sources: an unknown heuristic is refused at submit, an unknown front job fails the job by name and shuts its worker down")
    func badSources() throws {
        let harness = try Self.start()
        let (status, body) = try Self.submit(harness, .evaluate, [
            ("prompts", Self.prompts), ("schedules", .array([.object([("heuristic", .string("nosuch"))])])),
        ])
        #expect(status == 400)
        #expect(String(decoding: body, as: UTF8.self).contains("evaluate.schedules[0].heuristic"))

        let missing = try Self.id(try Self.submit(harness, .evaluate, [("prompts", Self.prompts), ("front", .int(999))]))
        try harness.waitForJob(missing, "to fail", seconds: 30) { $0.state == .failed }
        let logs = try harness.get("/v1/jobs/\(missing)/logs", as: JobLogResponse.self).lines.map(\.text)
        #expect(logs.contains { $0.contains("evaluate.schedules[0].front") && $0.contains("no job 999") }, "\(logs)")
        // A job that fails still tells its worker to exit (it used to wait out the exit grace period).
        #expect(logs.contains { $0.contains("fake-worker: shutdown: job ended without success") }, "\(logs)")

        let unknownRef = try Self.id(try Self.submit(harness, .evaluate, [("prompts", Self.prompts), ("schedules", .array([.string("fake/nothing")]))]))
        try harness.waitForJob(unknownRef, "to fail", seconds: 30) { $0.state == .failed }
        let refLogs = try harness.get("/v1/jobs/\(unknownRef)/logs", as: JobLogResponse.self).lines.map(\.text)
        #expect(refLogs.contains { $0.contains("evaluate.schedules[0]") && $0.contains("fake/nothing") }, "\(refLogs)")
        _ = harness.stopDaemon()
    }
}
