import ECADAPI
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation

/// Runs `generate` jobs (ECADCore's ``GenerateSpec``): resolve the prompts and the schedule, ask the worker for
/// the images (and their grid, `grid.png`), record each PNG as an artifact, and write `images.json` (per-image
/// prompt, seed, latency and MACs).
package struct GenerateRunner: JobRunner {
    /// Folder of model folders (for prompt sets and the layouts heuristics need); nil allows built-ins only.
    package let modelsDirectory: URL?
    /// The registry schedule references resolve against.
    package let registry: Registry
    /// Limits and shared roots specs are held to.
    package let policy: SpecPolicy

    /// Creates the runner.
    package init(modelsDirectory: URL?, registry: Registry, policy: SpecPolicy) {
        self.modelsDirectory = modelsDirectory
        self.registry = registry
        self.policy = policy
    }

    package var kind: JobKind { .generate }

    package func validate(spec: JSONValue) async throws {
        let parsed = try Self.parse(JobSpecDecoding.spec(spec, kind: .generate, policy: policy))
        let model = try? SearchModel(id: parsed.setup.model, modelsDirectory: modelsDirectory)
        _ = try prompts(parsed, model: model)
        _ = try await schedule(parsed, model: model)
    }

    package func run(_ job: Job, session: WorkerSession, context: JobRunContext) async throws {
        let spec = try Self.parse(JobSpecDecoding.spec(Data(job.specJSON.utf8), kind: .generate, policy: policy))
        let model = try? SearchModel(id: spec.setup.model, modelsDirectory: modelsDirectory)
        let prompts = try prompts(spec, model: model)
        let schedule = try await schedule(spec, model: model)
        _ = try await session.call(.load(LoadRequest(model: spec.setup.model, path: model?.directory?.path, device: context.slot.loadDevice)))

        let directory = context.artifactDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let seeds = spec.setup.seeds.map { UInt64($0) }
        let total = prompts.count * seeds.count
        context.report(JobProgressView(imagesDone: 0, imagesTotal: total))
        let sampler = spec.setup.sampler
        let request = GenerateRequest(
            schedule: schedule.map(WireSchedule.init(schedule:)), prompts: prompts, seeds: seeds,
            sampler: SamplerSettings(name: sampler.name, steps: sampler.steps, guidance: sampler.guidance),
            artifactDir: directory.path, grid: spec.output.grid, gridColumns: spec.output.columns)
        let reply = try await session.call(.generate(request)) { progress in
            context.report(JobProgressView(imagesDone: progress.done, imagesTotal: progress.total))
        }
        guard case .generated(_, let result) = reply else {
            throw DaemonError.workerProtocol("expected a generate result")
        }
        let outputs = GenerateOutputs(directory: directory, store: context.store, job: job.id)
        try await outputs.record(result, prompts: prompts)
        if spec.output.grid, result.grid == nil {
            context.logger.warning("the worker wrote no grid.png (it cannot draw one)")
        }
        context.report(JobProgressView(imagesDone: result.images.count, imagesTotal: total))
    }

    /// The spec's generate part; field paths in errors start with `spec.` as in the API's other errors.
    static func parse(_ spec: JobSpec) throws(DaemonError) -> GenerateSpec {
        guard case .generate(let generate) = spec else {
            throw .invalidSpec(field: "kind", message: "expected \"generate\"")
        }
        return generate
    }

    /// The resolved schedule, nil when the spec has none (compute everything). `model` is nil when the daemon
    /// does not know the model (the worker may).
    private func schedule(_ spec: GenerateSpec, model: SearchModel?) async throws -> Schedule? {
        guard let source = spec.schedule else { return nil }
        let resolver = ScheduleResolver(
            registry: registry, modelID: spec.setup.model, steps: spec.setup.sampler.steps, layout: model?.config.layout)
        return try await resolver.schedule(source, field: "spec.schedule")
    }

    private func prompts(_ spec: GenerateSpec, model: SearchModel?) throws(DaemonError) -> [String] {
        let prompts: [String]
        switch (spec.setup.prompts, model) {
        case (.inline(let list), _):
            prompts = Array(list.prefix(spec.setup.promptLimit ?? list.count))
        case (_, let model?):
            do { prompts = try SearchPrompts.load(spec.setup.prompts, limit: spec.setup.promptLimit, model: model) } catch {
                guard case .invalidSpec(_, let message) = error else { throw error }
                throw .invalidSpec(field: "spec.prompts", message: message)
            }
        case (_, nil):
            throw .invalidSpec(field: "spec.prompts", message: "prompt files and sets need a model the daemon knows; \(spec.setup.model) is not one — list the prompts inline")
        }
        let images = policy.limits.images
        guard prompts.count * spec.setup.seeds.count <= images else {
            throw .invalidSpec(field: "spec.prompts", message: "prompts × seeds must be at most \(images) images (limit images), got \(prompts.count * spec.setup.seeds.count)")
        }
        try policy.check(.generate(spec), prompts: prompts)
        return prompts
    }
}
