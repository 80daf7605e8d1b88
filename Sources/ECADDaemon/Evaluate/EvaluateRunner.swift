import ECADAPI
import ECADCore
import ECADReport
import ECADStore
import ECADWorkerProtocol
import Foundation

/// Runs `evaluate` jobs: score a set of schedules (the uncached baseline, search fronts, registry entries,
/// heuristic families, files) on the benchmark prompts in one `evaluate` request, then write the table
/// (text, CSV, JSON), the Pareto plot and the HTML report (docs/evaluate.md).
package struct EvaluateRunner: JobRunner {
    /// Folder of model folders, as for ``SearchRunner``.
    package let modelsDirectory: URL?
    /// Limits and shared roots specs are held to.
    package let policy: SpecPolicy

    /// Creates the runner.
    package init(modelsDirectory: URL?, policy: SpecPolicy) {
        self.modelsDirectory = modelsDirectory
        self.policy = policy
    }

    package var kind: JobKind { .evaluate }

    package func validate(spec: JSONValue) throws {
        let (parsed, model) = try resolve(APIJSON.makeEncoder().encode(spec))
        try policy.check(.evaluate(parsed), prompts: prompts(parsed, model: model))
        try EvaluateSources(spec: parsed, model: model, modelsDirectory: modelsDirectory, policy: policy).check()
    }

    package func run(_ job: Job, session: WorkerSession, context: JobRunContext) async throws {
        let (spec, model) = try resolve(Data(job.specJSON.utf8))
        let prompts = try prompts(spec, model: model)
        let sources = EvaluateSources(spec: spec, model: model, modelsDirectory: modelsDirectory, policy: policy)
        try sources.check()
        let candidates = try await sources.candidates(store: context.store)
        guard case .loaded(_, let loaded) = try await session.call(.load(LoadRequest(model: model.id, path: model.directory?.path, device: context.slot.loadDevice)))
        else { throw DaemonError.workerProtocol("expected a load result") }
        guard loaded.blocks == model.config.layout.blockCount else {
            throw DaemonError.workerProtocol("worker's \(model.id) has \(loaded.blocks) blocks, the cost model \(model.config.layout.blockCount)")
        }
        let images = context.artifactDirectory.appendingPathComponent("images", isDirectory: true)
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let measurement = EvaluateMeasurement(spec: spec, prompts: prompts, candidates: candidates, imageDirectory: images)
        let log = { (lines: [String]) in try await context.store.logs.append(job: job.id, stream: .daemon, lines: lines) }
        try await log(["evaluate: \(candidates.count) distinct schedules × \(prompts.count) prompts × \(spec.setup.seeds.count) seeds"]
            + measurement.unavailableNotes)
        context.report(JobProgressView(evaluations: 0, message: "0 of \(candidates.count) schedules"))
        let reply = try await session.call(.evaluate(measurement.request)) { progress in
            context.report(JobProgressView(evaluations: progress.done, message: "\(progress.done) of \(progress.total)"))
        }
        guard case .evaluated(_, let result) = reply else { throw DaemonError.workerProtocol("expected an evaluate result") }
        let rows = try measurement.rows(result)
        try await log(measurement.missingNotes(rows))
        let report = EvaluationReport(title: "\(spec.name ?? "job \(job.id)"): reward vs speedup (\(model.id))", rows: rows)
        let artifacts = EvaluateArtifacts(directory: context.artifactDirectory, store: context.store, job: job.id)
        try await artifacts.recordImages()
        try await artifacts.write(report, notes: notes(spec, model: model, prompts: prompts))
        try await log(report.goals.map(\.line))
        context.report(JobProgressView(evaluations: rows.count, bestReward: rows.compactMap(\.reward).max(), message: "done"))
    }

    /// The spec and its model.
    private func resolve(_ json: Data) throws(DaemonError) -> (EvaluateSpec, SearchModel) {
        guard case .evaluate(let spec) = try JobSpecDecoding.spec(json, kind: .evaluate, policy: policy) else {
            throw .invalidSpec(field: "kind", message: "expected \"evaluate\"")
        }
        do {
            return (spec, try SearchModel(id: spec.setup.model, modelsDirectory: modelsDirectory))
        } catch {
            throw JobSpecDecoding.renamed(error, kind: .evaluate)
        }
    }

    private func prompts(_ spec: EvaluateSpec, model: SearchModel) throws(DaemonError) -> [String] {
        do {
            return try SearchPrompts.load(spec.setup.prompts, limit: spec.setup.promptLimit, model: model)
        } catch {
            throw JobSpecDecoding.renamed(error, kind: .evaluate)
        }
    }

    /// The setup lines at the top of the HTML report.
    private func notes(_ spec: EvaluateSpec, model: SearchModel, prompts: [String]) -> [String] {
        let sampler = spec.setup.sampler
        return [
            "Model \(model.id); \(prompts.count) prompts × seeds \(spec.setup.seeds.map(String.init).joined(separator: ", ")); "
                + "sampler \(sampler.name), \(sampler.steps) steps, guidance \(sampler.guidance); "
                + "metrics \(spec.metrics.map(\.rawValue).joined(separator: ", ")); latency: median of \(spec.latencyRepeats) runs.",
        ]
    }
}
