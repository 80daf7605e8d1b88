import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation

/// Evaluates a search's chunks of candidates through Slurm (docs/operations.md, "Running ecadd against a Slurm
/// cluster").
///
/// A batch's chunks become request files in a folder on the shared file system and one `sbatch --array` job of at
/// most ``SlurmSettings/maxTasks`` tasks; task `i` loads the model once and answers chunks i, i + tasks, ... The
/// array id is stored (``SlurmArrayStore``) before the executor waits on it. Result files are the truth: the queue
/// is polled once per interval for the whole batch only to learn when no task is left. Chunks without a good result
/// once their array ended are submitted again, as a new array, up to ``SlurmSettings/maxAttempts`` times; after
/// that their candidates get ``failedReward`` and rank last. Each chunk is known by a key (a digest of the model,
/// seeds, prompts and its schedules) stored with its array, so a search resumed by a restarted daemon adopts its
/// chunks in flight: running arrays are polled again, result files already written are taken, and only chunks
/// with neither are submitted.
package struct SlurmExecutor: EvaluationExecutor {
    /// Cluster settings.
    package let settings: SlurmSettings
    /// The worker command line on the nodes (executable, then its arguments before `oneshot`'s own).
    package let worker: [String]
    /// The search job.
    package let job: JobID
    /// Where arrays are recorded.
    package let arrays: SlurmArrayStore
    /// The model load every request file starts with.
    package let load: LoadRequest
    /// Seeds per prompt.
    package let seeds: [UInt64]
    /// Sampler settings.
    package let sampler: SamplerSettings
    /// The model's block count, which every task's load must report.
    package let blocks: Int
    /// Keys the batch (with the prompts and schedules): the model digest.
    package let modelDigest: String
    /// Why the job is being stopped, if it is: `.external` (cancel, hold, requeue through the API) cancels the
    /// batch's arrays; `.shutdown` leaves them running for the next daemon to adopt.
    package var stopReason: @Sendable () -> RunningJob.StopReason? = { nil }
    /// Writes a line to the job's log.
    package var log: @Sendable (String) async -> Void = { _ in }

    /// The reward every prompt of a failed candidate gets (its evaluation also carries a `failure`, which the search
    /// ranks last): far below every real reward, and nothing added to the hypervolume.
    package static let failedReward = -1.0e6
    /// Failed polls in a row (slurmctld or munge down) before the job fails.
    static let pollErrorLimit = 5

    /// Evaluates `chunks` on `prompts`, calling `deliver` with each chunk's index and evaluations (in chunk order)
    /// as its result file appears; a chunk that failed every attempt is delivered with ``failedReward``.
    /// - Throws: ``DaemonError/stopped`` when the job is stopped; ``DaemonError/workerFailed(code:message:)``
    ///   (code `slurm`) when Slurm refuses a submission or cannot be asked.
    package func run(
        _ chunks: [[Schedule]], prompts: [String],
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws {
        let queue = SlurmQueue(settings: settings)
        do {
            try await evaluate(chunks, prompts: prompts, queue: queue, deliver: deliver)
        } catch {
            // A stop through the API (cancel, hold, requeue) may surface here first, as the error of a delivery.
            if stopReason() == .external {
                try await cancel(try await arrays.arrays(job: job).filter { $0.state == .running }, queue: queue)
            }
            throw error
        }
    }

    private func evaluate(
        _ chunks: [[Schedule]], prompts: [String], queue: SlurmQueue,
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws {
        let keys = chunks.map { chunkKey($0, prompts: prompts) }
        let batchKey = Self.digest(keys.joined(separator: " "))
        var delivered = Set<Int>()
        var failures = Set<String>()
        var pollErrors = 0
        while true {
            let recorded = try await arrays.arrays(job: job)
            var attempts: [Int: Int] = [:]
            for array in recorded {
                for (position, key) in array.chunks.enumerated() {
                    for chunk in keys.indices where keys[chunk] == key {
                        attempts[chunk, default: 0] += 1
                        if delivered.contains(chunk) { continue }
                        if try await take(
                            chunk, of: chunks, from: array, position: position, failures: &failures, deliver: deliver)
                        {
                            delivered.insert(chunk)
                        }
                    }
                }
            }
            // The arrays this call waits for: those with a chunk of this call still missing.
            let running = recorded.filter { array in
                array.state == .running
                    && array.chunks.contains { key in keys.indices.contains { keys[$0] == key && !delivered.contains($0) } }
            }
            if delivered.count == chunks.count {
                // Arrays whose every chunk is in: their tasks wrote their last result and are exiting.
                let done = Set(keys)
                for array in recorded where array.state == .running && array.chunks.allSatisfy(done.contains) {
                    try await arrays.mark(array.id, state: .finished)
                }
                return
            }
            if stopReason() != nil { throw DaemonError.stopped }
            if !running.isEmpty {
                let active: [String: [String]]
                do {
                    active = try await queue.active(running.map(\.arrayID))
                    pollErrors = 0
                } catch {
                    pollErrors += 1
                    await log("slurm: \(error)")
                    if pollErrors >= Self.pollErrorLimit { throw error }
                    try await Task.sleep(for: .seconds(settings.pollInterval))
                    continue
                }
                // An array with no task left in the queue has ended; its result files are read on the next pass
                // (the last ones may have been renamed into place just before it left).
                var waiting = false
                for array in running {
                    if active[array.arrayID] == nil {
                        try await arrays.mark(array.id, state: .finished)
                    } else {
                        waiting = true
                    }
                }
                if waiting { try await Task.sleep(for: .seconds(settings.pollInterval)) }
                continue
            }
            let missing = chunks.indices.filter { !delivered.contains($0) }
            let retryable = missing.filter { attempts[$0, default: 0] < settings.maxAttempts }
            for chunk in missing where !retryable.contains(chunk) {
                await log("slurm: chunk \(keys[chunk].prefix(8)) failed \(attempts[chunk, default: 0]) times; its \(chunks[chunk].count) candidates are marked failed")
                try await deliver(chunk, Self.failed(count: chunks[chunk].count, prompts: prompts.count))
                delivered.insert(chunk)
            }
            if retryable.isEmpty { return }
            let attempt = (recorded.filter { $0.batchKey == batchKey }.map(\.attempt).max() ?? 0) + 1
            try await submit(retryable, of: chunks, keys: keys, prompts: prompts, batchKey: batchKey, attempt: attempt, queue: queue)
        }
    }

    /// Delivers a chunk from its result file in `array`'s folder; false when there is none yet or it says the
    /// attempt failed (logged once: `failures` holds the files already logged).
    private func take(
        _ chunk: Int, of chunks: [[Schedule]], from array: SlurmArray, position: Int, failures: inout Set<String>,
        deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws -> Bool {
        let file = SlurmRequestFolder(path: array.folder).resultFile(position: position)
        switch SlurmChunkResult.read(file, expecting: chunks[chunk].count) {
        case .evaluated(let evaluations, let reported)?:
            guard reported == blocks else {
                throw DaemonError.workerProtocol("the Slurm task's model has \(reported) blocks, the cost model \(blocks)")
            }
            try await deliver(chunk, evaluations)
            return true
        case .failed(let message)?:
            if failures.insert(file).inserted { await log("slurm: array \(array.arrayID), \(file): \(message)") }
            return false
        case nil:
            return false
        }
    }

    /// Writes the request files of `indices`, submits them as one array and records it.
    private func submit(
        _ indices: [Int], of chunks: [[Schedule]], keys: [String], prompts: [String], batchKey: String, attempt: Int,
        queue: SlurmQueue
    ) async throws {
        let folder = SlurmRequestFolder(sharedDirectory: settings.sharedDirectory, job: job, batchKey: batchKey, attempt: attempt)
        let requests = indices.map { chunk in
            EvaluateRequest(
                schedules: chunks[chunk].map(WireSchedule.init(schedule:)), prompts: prompts, seeds: seeds, sampler: sampler)
        }
        try folder.write(requests, load: load)
        let script = try SlurmTaskScript.install(in: settings.sharedDirectory)
        let tasks = min(settings.maxTasks, indices.count)
        let name = "ecad-\(job.rawValue)-\(batchKey.prefix(8))-a\(attempt)"
        let arrayID = try await queue.submit(name: name, folder: folder.path, tasks: tasks, script: script, worker: worker)
        try await arrays.record(
            job: job, batchKey: batchKey, attempt: attempt, arrayID: arrayID, folder: folder.path,
            chunks: indices.map { keys[$0] })
        await log("slurm: submitted array \(arrayID) (\(name)): \(indices.count) chunks on \(tasks) tasks")
    }

    private func cancel(_ running: [SlurmArray], queue: SlurmQueue) async throws {
        guard !running.isEmpty else { return }
        try await queue.cancel(running.map(\.arrayID))
        for array in running { try await arrays.mark(array.id, state: .cancelled) }
        await log("slurm: cancelled arrays \(running.map(\.arrayID).joined(separator: " "))")
    }

    /// Names a chunk: the model, seeds, prompts and its schedules, in order.
    private func chunkKey(_ chunk: [Schedule], prompts: [String]) -> String {
        var text = "model \(modelDigest)\nseeds \(seeds)\n"
        for prompt in prompts { text += "prompt \(prompt)\n" }
        return Self.digest(text + "schedules " + chunk.map(\.digest.hex).joined(separator: " "))
    }

    private static func digest(_ text: String) -> String {
        String(SHA256.hexDigest(Array(text.utf8)).prefix(16))
    }

    private static func failed(count: Int, prompts: Int) -> [EvaluateResult.Evaluation] {
        (0..<count).map {
            EvaluateResult.Evaluation(
                index: $0, rewards: Array(repeating: failedReward, count: prompts), macs: 0, latencySeconds: 0,
                failure: "the Slurm task failed every attempt")
        }
    }
}
