@testable import ECADDaemon
import ECADAPI
import ECADCore
import ECADReport
import ECADWorkerProtocol
import Foundation
import Testing

struct EvaluateMeasurementTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func measurement(metrics: String, baseline: Bool = true) throws -> EvaluateMeasurement {
        let spec = try EvaluateFixture.spec(#"[{ heuristic = "fora:n=2" }]"#, "metrics = \(metrics)\ninclude_baseline = \(baseline)\nlatency_repeats = 4")
        let layout = try SearchModel(id: "toy", modelsDirectory: SearchFixture.modelsDirectory()).config.layout
        var candidates: [EvaluateCandidate] = []
        if baseline {
            candidates.append(EvaluateCandidate(
                schedule: try Schedule(steps: 6, layout: layout, filled: true), sources: [EvaluationSource(kind: .uncached, label: "uncached")]))
        }
        candidates.append(EvaluateCandidate(
            schedule: try HeuristicFamily.fora(every: 2).schedule(steps: 6, layout: layout),
            sources: [EvaluationSource(kind: .heuristic, label: "fora:n=2", family: "fora")]))
        return EvaluateMeasurement(spec: spec, prompts: ["p0", "p1", "p2"], candidates: candidates, imageDirectory: URL(fileURLWithPath: "/tmp/a/images"))
    }

    @Test func theRequestAsksOnlyForTheSpecsMetrics() throws {
        let all = try measurement(metrics: #"["reward", "macs", "latency", "fid", "psnr", "ssim"]"#).request
        #expect(all.baselineIndex == 0 && all.frechetReference == "prompts" && all.latencyRepeats == 4)
        #expect(all.imageDirectory == "/tmp/a/images" && all.schedules.count == 2 && all.seeds == [0])
        let few = try measurement(metrics: #"["reward", "macs"]"#).request
        #expect(few.baselineIndex == nil && few.frechetReference == nil && few.latencyRepeats == nil)
        #expect(few.imageDirectory == "/tmp/a/images")
    }

    @Test func metricsTheWorkerCannotGiveAreNotedNotFailed() throws {
        let notes = try measurement(metrics: #"["reward", "clip", "psnr"]"#, baseline: false).unavailableNotes
        #expect(notes.count == 2)
        #expect(notes[0].hasPrefix("metric clip: not measured"))
        #expect(notes[1].contains("need the uncached baseline"))
    }

    @Test func rowsKeepWhatWasAskedAndReturnedAndLeaveTheRestNil() throws {
        let measurement = try measurement(metrics: #"["reward", "latency", "fid", "psnr"]"#)
        let result = EvaluateResult(evaluations: [
            .init(index: 1, rewards: [0.5, 0.7], macs: 10, latencySeconds: 0.02, psnr: 31, ssim: 0.9, grid: "s1/grid.png"),
            .init(index: 0, rewards: [0.8, 0.8], macs: 20, latencySeconds: 0.04),
        ])
        let rows = try measurement.rows(result)
        #expect(rows.map(\.sources.first?.label) == ["uncached", "fora:n=2"])
        #expect(rows[1].reward == 0.6 && rows[1].latencySeconds == 0.02 && rows[1].psnr == 31)
        #expect(rows[1].macs == nil && rows[1].ssim == nil && rows[1].frechetDistance == nil)
        #expect(rows[1].grid == "images/s1/grid.png" && rows[0].grid == nil)
        #expect(measurement.missingNotes(rows) == ["metric fid: the worker returned no values (shown as -)"])
        #expect(throws: DaemonError.self) { try measurement.rows(EvaluateResult(evaluations: [result.evaluations[0]])) }
    }

    @Test func gridPathsOutsideTheImageFolderAreRefused() {
        for bad in ["../x.png", "/etc/passwd", "s0/../../x.png", ""] {
            #expect(throws: DaemonError.self) { try EvaluateMeasurement.imagePath(bad) }
        }
        #expect((try? EvaluateMeasurement.imagePath("s0/grid.png")) == "images/s0/grid.png")
    }

    @Test func theShippedEvaluateSpecValidatesWithItsFrontSet() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("jobs/shapes32-evaluate.toml"), encoding: .utf8)
        let (_, tree) = try JobSpec.load(text, overrides: ["front=12"])
        let json = try JSONEncoder().encode(tree)
        let runner = EvaluateRunner(modelsDirectory: Self.root.appendingPathComponent("models"), policy: SpecPolicy(roots: SharedRoots([])))
        try runner.validate(spec: try APIJSON.makeDecoder().decode(JSONValue.self, from: json))
        guard case .evaluate(let spec) = try JobSpec.load(text, overrides: ["front=12"]).spec else {
            Issue.record("not an evaluate spec")
            return
        }
        #expect(spec.schedules == [.front("12"), .heuristic("fora"), .heuristic("tgate")])
        #expect(throws: DaemonError.self) { try runner.validate(spec: try APIJSON.makeDecoder().decode(JSONValue.self, from: JSONEncoder().encode(try JobSpec.load(text).value))) }
    }
}
