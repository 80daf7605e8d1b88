import ECADAPI
import ECADCore
import ECADSearch
import ECADStore
import ECADWorkerProtocol
import Foundation

/// Runs `search` jobs: NSGA-II over caching schedules, evaluated by the job's worker, checkpointed
/// after every generation and resumed from the newest checkpoint (docs/search.md).
package struct SearchRunner: JobRunner {
    /// Folder of model folders (`<modelsDirectory>/shapes32/transformer/config.json`); nil allows only
    /// built-in models.
    package let modelsDirectory: URL?
    /// Limits and shared roots specs are held to.
    package let policy: SpecPolicy
    /// Schedules per `evaluate` request; each request's results are stored as soon as it answers.
    package let chunkSize: Int
    /// When set, candidates are evaluated through Slurm by this worker command line instead of the job's worker.
    package let slurm: (settings: SlurmSettings, worker: [String])?

    /// Creates the runner.
    package init(
        modelsDirectory: URL?, policy: SpecPolicy, chunkSize: Int = 4, slurm: (settings: SlurmSettings, worker: [String])? = nil
    ) {
        self.modelsDirectory = modelsDirectory
        self.policy = policy
        self.chunkSize = max(chunkSize, 1)
        self.slurm = slurm
    }

    package var kind: JobKind { .search }

    /// The models directory when the daemon has no setting for it: `$ECAD_MODELS_DIR`, else `./models` when
    /// it exists, else nil (built-in models only).
    package static func defaultModelsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        if let path = environment["ECAD_MODELS_DIR"], !path.isEmpty { return URL(fileURLWithPath: path, isDirectory: true) }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("models")
        return FileManager.default.fileExists(atPath: local.path) ? local : nil
    }

    package func validate(spec: JSONValue) throws {
        let parsed = try Self.parse(APIJSON.makeEncoder().encode(spec), policy: policy)
        let model = try SearchModel(id: parsed.setup.model, modelsDirectory: modelsDirectory)
        let prompts = try SearchPrompts.load(parsed.setup.prompts, limit: parsed.setup.promptLimit, model: model)
        try policy.check(.search(parsed), prompts: prompts)
        _ = try SearchPlan(spec: parsed, model: model, prompts: prompts)
    }

    package func run(_ job: Job, session: WorkerSession, context: JobRunContext) async throws {
        let spec = try Self.parse(Data(job.specJSON.utf8), policy: policy)
        let model = try SearchModel(id: spec.setup.model, modelsDirectory: modelsDirectory)
        let prompts = try SearchPrompts.load(spec.setup.prompts, limit: spec.setup.promptLimit, model: model)
        let plan = try SearchPlan(spec: spec, model: model, prompts: prompts)
        if let slurm {
            // No local load: the digest comes from the model folder and each task's load is checked against the
            // cost model's block count (docs/operations.md, "Running ecadd against a Slurm cluster").
            let modelDigest = try model.digest(workerDigest: nil)
            var executor = SlurmExecutor(
                settings: slurm.settings, worker: slurm.worker, job: job.id, arrays: context.store.slurmArrays,
                load: LoadRequest(model: model.id, path: model.directory?.path), seeds: plan.seeds, sampler: plan.sampler,
                blocks: plan.codec.layout.blockCount, modelDigest: modelDigest)
            let (running, store, id) = (context.running, context.store, job.id)
            executor.stopReason = { running.stopReason }
            executor.log = { line in try? await store.logs.append(job: id, stream: .daemon, lines: [line]) }
            try await search(job, spec: spec, plan: plan, executor: executor, modelDigest: modelDigest, context: context)
            return
        }
        let loaded = try await Self.load(model, plan: plan, on: session, device: context.slot.loadDevice)
        let pool = LocalWorkerPool(primary: WorkerSearchEvaluator(session: session, seeds: plan.seeds, sampler: plan.sampler))
        let extras = context.extraWorkers(pool: pool, cap: spec.setup.workers) { session, slot in
            let extra = try await Self.load(model, plan: plan, on: session, device: slot.loadDevice)
            guard extra.digest == loaded.digest else {
                throw DaemonError.workerProtocol("extra worker's \(model.id) has digest \(extra.digest ?? "-"), the job's \(loaded.digest ?? "-")")
            }
            return WorkerSearchEvaluator(session: session, seeds: plan.seeds, sampler: plan.sampler)
        }
        do {
            try await search(
                job, spec: spec, plan: plan, executor: pool, modelDigest: try model.digest(workerDigest: loaded.digest),
                context: context)
        } catch {
            await extras.close()
            throw error
        }
        await extras.close()
    }

    /// Loads the search's model on a worker and checks it matches the cost model.
    private static func load(
        _ model: SearchModel, plan: SearchPlan, on session: WorkerSession, device: String?
    ) async throws -> LoadResult {
        guard case .loaded(_, let loaded) = try await session.call(
            .load(LoadRequest(model: model.id, path: model.directory?.path, device: device)))
        else { throw DaemonError.workerProtocol("expected a load result") }
        guard loaded.blocks == plan.codec.layout.blockCount else {
            throw DaemonError.workerProtocol("worker's \(model.id) has \(loaded.blocks) blocks, the cost model \(plan.codec.layout.blockCount)")
        }
        return loaded
    }

    /// Runs the search's generations on `executor` (the local workers or Slurm) and publishes the front.
    private func search(
        _ job: Job, spec: SearchSpec, plan: SearchPlan, executor: any EvaluationExecutor, modelDigest: String,
        context: JobRunContext
    ) async throws {
        let running = context.running
        let batches = BatchEvaluator(
            plan: plan, modelDigest: modelDigest, job: job.id, executor: executor,
            persistence: StoreSearchPersistence(store: context.store, job: job.id), chunkSize: chunkSize,
            shouldStop: { running.stopReason != nil })
        let started = Date()
        let deadline = spec.budgets.until?.resolved(after: job.submittedAt)
        let codec = plan.codec
        let progress = SearchProgressReporter(budgets: spec.budgets, started: started)
        let driver = SearchDriver(
            batches: batches, seeds: try await SearchSeeds.genomes(for: plan, registry: context.store.registry),
            deadline: deadline
        ) { checkpoint in
            if let front = try? SearchFront(checkpoint: checkpoint, codec: codec) {
                context.report(progress.view(checkpoint: checkpoint, front: front))
            }
        }
        let final = try await driver.run()
        let front = try SearchFront(checkpoint: final, codec: codec)
        context.logger.info(
            "search finished", metadata: ["reason": "\(final.stopReason ?? "")", "front": "\(front.members.count)"])
        if spec.publish.enabled {
            let uncached = try Schedule(steps: codec.steps, layout: codec.layout, filled: true).digest.hex
            let owner = RegistryActor(uid: job.ownerUID, policy: AccessPolicy(), userName: job.ownerName)
            try await FrontPublisher(plan: plan, modelDigest: batches.modelDigest, job: job.id, owner: owner)
                .publish(front, uncachedReward: final.metrics[uncached]?.reward, to: context.store.registry)
        }
    }

    /// Decodes a search spec from JSON, held to `policy`.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the field (`spec.population`).
    static func parse(_ json: Data, policy: SpecPolicy) throws(DaemonError) -> SearchSpec {
        guard case .search(let spec) = try JobSpecDecoding.spec(json, kind: .search, policy: policy) else {
            throw .invalidSpec(field: "kind", message: "expected \"search\"")
        }
        return spec
    }
}
