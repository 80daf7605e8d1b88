@testable import ECADDaemon
import ECADCore
import ECADStore
import Foundation

/// Evaluate specs on the toy model of ``SearchFixture`` (4 blocks, 6 steps), and a finished toy search in a store.
enum EvaluateFixture {
    /// An evaluate spec for the toy model; `schedules` is TOML, `extra` more top-level TOML.
    static func spec(_ schedules: String, _ extra: String = "") throws -> EvaluateSpec {
        let text = """
            kind = "evaluate"
            model = "toy"
            prompts = ["p0", "p1", "p2"]
            sampler = { steps = 6 }
            \(extra)
            schedules = \(schedules)
            """
        guard case .evaluate(let spec) = try JobSpec.load(text).spec else { throw DaemonError.configuration("not an evaluate spec") }
        return spec
    }

    /// The sources of `spec` on the toy model in `models`.
    static func sources(_ spec: EvaluateSpec, models: URL) throws -> EvaluateSources {
        EvaluateSources(
            spec: spec, model: try SearchModel(id: "toy", modelsDirectory: models), modelsDirectory: models,
            policy: SpecPolicy(roots: SharedRoots([])))
    }

    /// The toy search's spec as the API stores it.
    static let searchSpecJSON = """
        {"model": "toy", "prompts": ["p0", "p1", "p2", "p3"], "population": 8, "seed": 7, "sampler": {"steps": 6},
         "init": {"heuristics": ["fora:n=2", "uncached"]}, "budgets": {"generations": 2}}
        """

    /// A store holding one COMPLETED toy search job with its checkpoints; returns the store, the job and its final
    /// checkpoint.
    static func finishedSearch(models: URL) async throws -> (Store, JobID, SearchCheckpoint) {
        let store = try Store.inMemory()
        let job = try await store.jobs.submit(NewJob(kind: .search, specJSON: searchSpecJSON, ownerUID: 1000, ownerName: "test"))
        _ = try await store.jobs.claimNext(slots: 1)
        let spec = try SearchRunner.parse(Data(searchSpecJSON.utf8), policy: SpecPolicy(roots: SharedRoots([])))
        let checkpoint = try await SearchFixture.run(
            try SearchFixture.plan(spec, models: models), store: store, job: job.id, evaluator: ToyEvaluator())
        _ = try await store.jobs.complete(job.id)
        return (store, job.id, checkpoint)
    }
}
