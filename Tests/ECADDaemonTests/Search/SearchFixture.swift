@testable import ECADDaemon
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation
import Testing

/// A toy PixArt model (4 blocks) in a temporary models folder, specs for it, and a deterministic evaluator.
enum SearchFixture {
    /// A models directory holding `toy/transformer/config.json` (4 layers unless `layers` says otherwise, the
    /// shapes32 shape otherwise).
    static func modelsDirectory(layers: Int = 4) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-search-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("toy/transformer")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
            {"_class_name": "PixArtTransformer2DModel", "activation_fn": "gelu-approximate", "attention_head_dim": 32,
             "caption_channels": 128, "cross_attention_dim": 128, "in_channels": 3, "norm_type": "ada_norm_single",
             "num_attention_heads": 4, "num_layers": \(layers), "out_channels": 3, "patch_size": 2, "sample_size": 32,
             "use_additional_conditions": false}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        return root
    }

    /// A search spec for the toy model; `extra` is appended TOML.
    static func spec(_ extra: String = "") throws -> SearchSpec {
        let text = """
            kind = "search"
            model = "toy"
            prompts = ["p0", "p1", "p2", "p3", "p4", "p5"]
            population = 8
            seed = 7
            sampler = { steps = 6 }
            [init]
            heuristics = ["fora:n=2", "uncached"]
            [budgets]
            generations = 5
            \(extra)
            """
        guard case .search(let spec) = try JobSpec.load(text).spec else { throw DaemonError.configuration("not a search") }
        return spec
    }

    /// The error `toml` (appended to the toy spec) is refused with, as text; records an issue when it is accepted.
    static func refusal(_ toml: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let error = #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try spec(toml) }
        return error.map { "\($0)" } ?? ""
    }

    /// A plan for `spec` on the toy model.
    static func plan(_ spec: SearchSpec, models: URL) throws -> SearchPlan {
        let model = try SearchModel(id: "toy", modelsDirectory: models)
        return try SearchPlan(
            spec: spec, model: model, prompts: SearchPrompts.load(spec.setup.prompts, limit: spec.setup.promptLimit, model: model))
    }

    /// A fresh in-memory store with one queued search job.
    static func store() async throws -> (Store, JobID) {
        let store = try Store.inMemory()
        let job = try await store.jobs.submit(NewJob(kind: .search, specJSON: "{}", ownerUID: 1000, ownerName: "test"))
        return (store, job.id)
    }

    /// Runs a search to its end; `evaluator` scores.
    static func run(
        _ plan: SearchPlan, store: Store, job: JobID, evaluator: some SearchEvaluator, chunkSize: Int = 3
    ) async throws -> SearchCheckpoint {
        try await run(plan, store: store, job: job, executor: LocalWorkerPool(primary: evaluator), chunkSize: chunkSize)
    }

    /// Runs a search to its end; `executor` evaluates.
    static func run(
        _ plan: SearchPlan, store: Store, job: JobID, executor: any EvaluationExecutor, chunkSize: Int = 3
    ) async throws -> SearchCheckpoint {
        let batches = BatchEvaluator(
            plan: plan, modelDigest: try plan.model.digest(workerDigest: nil), job: job, executor: executor,
            persistence: StoreSearchPersistence(store: store, job: job), chunkSize: chunkSize)
        let seeds = try await SearchSeeds.genomes(for: plan, registry: store.registry)
        return try await SearchDriver(batches: batches, seeds: seeds, deadline: nil).run()
    }
}

/// Interrupted on purpose by ``ToyEvaluator``.
struct SimulatedCrash: Error {}

/// Scores a schedule deterministically from its bits: each reused (0) bit after step 0 costs a penalty
/// that is larger for early steps and differs by component and prompt. Counts what it was asked, and can
/// "crash" (score a chunk, then throw instead of answering) once it has scored more than `limit` schedules.
final class ToyEvaluator: SearchEvaluator, @unchecked Sendable {
    private let lock = NSLock()
    private var scored: [String: Int] = [:]
    private var total = 0
    private let limit: Int?

    init(limit: Int? = nil) { self.limit = limit }

    /// How many schedules were scored (each digest+prompt-count counted every time).
    var evaluations: Int { lock.withLock { total } }
    /// Times each (schedule digest, prompt count) was scored.
    var counts: [String: Int] { lock.withLock { scored } }

    func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
        try lock.withLock {
            total += schedules.count
            for schedule in schedules { scored["\(schedule.digest.short)/\(prompts.count)", default: 0] += 1 }
            // The chunk was scored, but its answer is lost: what a kill -9 between answer and store does.
            if let limit, total > limit { throw SimulatedCrash() }
        }
        return schedules.enumerated().map { index, schedule in
            EvaluateResult.Evaluation(
                index: index, rewards: prompts.indices.map { Self.reward(schedule, prompt: $0) },
                macs: Double(schedule.computeCount), latencySeconds: 0)
        }
    }

    static func reward(_ schedule: Schedule, prompt: Int) -> Double {
        let weights = [1.0, 0.4, 0.7]
        var penalty = 0.0
        for step in 1..<schedule.steps {
            for block in 0..<schedule.blocks {
                for component in 0..<schedule.components where !schedule[step, block, component] {
                    penalty += weights[component] * Double(schedule.steps - step) * Double(1 + block % 2)
                }
            }
        }
        return max(0, 1 - penalty * (1 + 0.15 * Double(prompt % 3)) / 200)
    }
}
