import ECADCore
import ECADEngine
import ECADMetrics
import ECADWorkerProtocol
import Foundation

/// `ecad-worker serve`: the JSON-lines worker protocol on stdin/stdout (docs/worker-protocol.md).
///
/// `evaluate` rewards images with ``ShapesReward`` (the embedded domain's scorer), so prompts must parse
/// with the shapes grammar.
///
/// Requests are handled one at a time; model work runs on ``EngineThread`` while a heartbeat task keeps
/// writing `heartbeat` lines at the interval `hello` asked for.
public struct WorkerServer: Sendable {
    /// Folder holding model folders by id (`<root>/<id>`), used when `load` gives no path.
    public let modelsRoot: String
    /// The version reported in `capabilities`.
    public static let workerVersion = "0.1.0"

    /// A server resolving model ids under `modelsRoot`.
    public init(modelsRoot: String) {
        self.modelsRoot = modelsRoot
    }

    /// Serves until `shutdown` or end of input.
    public func run() async {
        let writer = LineWriter()
        let codec = WorkerLineCodec()
        var bundle: ModelBundle?
        var heartbeat: Task<Void, Never>?
        defer { heartbeat?.cancel() }
        while true {
            guard let line = try? await EngineThread.run({ readLine(strippingNewline: true) }) else { return }
            guard !line.isEmpty else { continue }
            let command: WorkerCommand
            do { command = try codec.decodeCommand(Data(line.utf8)) } catch {
                await writer.send(.failure(nil, WorkerFailure(code: error.code.rawValue, message: error.message)))
                continue
            }
            let id = command.id
            do {
                switch command.request {
                case .hello(let hello):
                    guard hello.protocolVersions.contains(WorkerProtocol.version) else {
                        await writer.send(.failure(id, WorkerFailure(
                            code: "unsupported_version", message: "worker speaks protocol \(WorkerProtocol.version)", fatal: true)))
                        return
                    }
                    heartbeat?.cancel()
                    heartbeat = Self.startHeartbeat(every: hello.heartbeatInterval, writer: writer)
                    await writer.send(.capabilities(id, capabilities()))
                case .load(let request):
                    let loaded = try await load(request)
                    bundle = loaded
                    await writer.send(.loaded(id, Self.loadResult(request, bundle: loaded)))
                case .generate(let request):
                    guard let model = bundle else { throw WorkerError("generate before load") }
                    await writer.send(.generated(id, try await Self.generate(request, model: model)))
                case .evaluate(let request):
                    guard let model = bundle else { throw WorkerError("evaluate before load") }
                    let result = try await Self.evaluate(request, model: model) { done in
                        await writer.send(.progress(id, ProgressReport(done: done, total: request.schedules.count)))
                    }
                    await writer.send(.evaluated(id, result))
                case .shutdown:
                    await writer.send(.shutDown(id))
                    return
                }
            } catch {
                await writer.send(.failure(id, WorkerFailure(code: "request_failed", message: "\(error)")))
            }
        }
    }

    private func capabilities() -> Capabilities {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: modelsRoot))?
            .filter { FileManager.default.fileExists(atPath: "\(modelsRoot)/\($0)/ecad.json") }.sorted() ?? []
        return Capabilities(
            protocolVersion: WorkerProtocol.version, backend: "native",
            models: ids.map { Capabilities.Model(id: $0, components: WireSchedule.pixartComponents) },
            devices: ["cpu"], workerVersion: Self.workerVersion)
    }

    private static func startHeartbeat(every seconds: Double, writer: LineWriter) -> Task<Void, Never> {
        Task {
            var seq = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(max(0.1, seconds)))
                seq += 1
                await writer.send(.heartbeat(Heartbeat(seq: seq)))
            }
        }
    }

    /// Scores each schedule in turn (the baseline first, see ``EvaluationSession``), calling `progress` after
    /// each; the answer lists the evaluations in request order.
    static func evaluate(
        _ request: EvaluateRequest, model: ModelBundle, progress: @Sendable (Int) async -> Void = { _ in }
    ) async throws -> EvaluateResult {
        let blocks = model.transformer.config.numLayers
        let schedules = try request.schedules.map { try $0.schedule(blocks: blocks) }
        let session = try await EngineThread.run { try EvaluationSession(model: model, request: request) }
        return try await session.evaluateAll(schedules, progress: progress)
    }

    /// Loads the model a `load` request names (its path, else `<modelsRoot>/<model>`).
    func load(_ request: LoadRequest) async throws -> ModelBundle {
        let directory = request.path ?? "\(modelsRoot)/\(request.model)"
        return try await EngineThread.run { try ModelBundle.load(directory: directory) }
    }

    /// The `loaded` answer for a model bundle.
    static func loadResult(_ request: LoadRequest, bundle: ModelBundle) -> LoadResult {
        LoadResult(
            model: request.model, steps: bundle.defaults.steps, blocks: bundle.transformer.config.numLayers,
            components: WireSchedule.pixartComponents)
    }

    /// Generates every prompt under every seed (``ScheduleEvaluator/sample(_:prompts:seeds:sampler:)``) and
    /// writes `<artifactDir>/p<prompt, 3 digits>-s<seed>.png`, plus `grid.png` when the request asks for it.
    static func generate(_ request: GenerateRequest, model: ModelBundle) async throws -> GenerateResult {
        guard !request.prompts.isEmpty, !request.seeds.isEmpty else { throw WorkerError("generate needs prompts and seeds") }
        let blocks = model.transformer.config.numLayers
        let schedule = try request.schedule?.schedule(blocks: blocks)
        let run = try await EngineThread.run {
            try ScheduleEvaluator(model: model).sample(
                schedule, prompts: request.prompts, seeds: request.seeds, sampler: request.sampler)
        }
        try FileManager.default.createDirectory(atPath: request.artifactDir, withIntermediateDirectories: true)
        var images: [GenerateResult.Image] = []
        for (index, image) in run.images.enumerated() {
            let (prompt, seed) = (index / request.seeds.count, request.seeds[index % request.seeds.count])
            let path = "\(request.artifactDir)/" + String(format: "p%03d-s%llu.png", prompt, seed)
            try image.writePNG(to: path)
            images.append(GenerateResult.Image(
                promptIndex: prompt, seed: seed, path: path, latencySeconds: run.secondsPerImage, macs: run.macs))
        }
        guard request.grid == true else { return GenerateResult(images: images) }
        let grid = "\(request.artifactDir)/grid.png"
        try GenerateGrid(prompts: request.prompts, seeds: request.seeds, columns: request.gridColumns)
            .image(run.images).writePNG(to: grid)
        return GenerateResult(images: images, grid: grid)
    }
}
