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
/// that their candidates get ``failedReward`` and rank last. A batch whose arrays are in the store (a restarted
/// daemon) is adopted: running arrays are polled again, result files already written are taken, and only chunks
/// with neither are submitted.
package struct SlurmExecutor: Sendable {
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

    /// The reward every prompt of a failed candidate gets: far below every real reward (ImageReward, CLIP and shapes
    /// rewards are within a few units of 0), so any evaluated candidate with a MAC fraction no higher dominates it,
    /// and it adds nothing to the hypervolume (whose reference point is reward 0).
    package static let failedReward = -1.0e6
    /// Failed polls in a row (slurmctld or munge down) before the job fails.
    static let pollErrorLimit = 5

    /// Evaluates `chunks` on `prompts`, calling `deliver` with each chunk's index and evaluations (in chunk order)
    /// as its result file appears; a chunk that failed every attempt is delivered with ``failedReward``.
    /// - Throws: ``DaemonError/stopped`` when the job is stopped; ``DaemonError/workerFailed(code:message:)``
    ///   (code `slurm`) when Slurm refuses a submission or cannot be asked.
    package func run(
        _ chunks: [[Schedule]], prompts: [String],
        deliver: @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
    ) async throws {
        let key = batchKey(chunks, prompts: prompts)
        let queue = SlurmQueue(settings: settings)
        var delivered = Set<Int>()
        var pollErrors = 0
        while true {
            let recorded = try await arrays.arrays(job: job, batchKey: key)
            var attempts: [Int: Int] = [:]
            for array in recorded {
                for chunk in array.chunks { attempts[chunk, default: 0] += 1 }
                for chunk in array.chunks where !delivered.contains(chunk) && chunk < chunks.count {
                    let file = SlurmRequestFolder(path: array.folder).resultFile(chunk: chunk)
                    switch SlurmChunkResult.read(file, expecting: chunks[chunk].count) {
                    case .evaluated(let evaluations, let reported)?:
                        guard reported == blocks else {
                            throw DaemonError.workerProtocol("the Slurm task's model has \(reported) blocks, the cost model \(blocks)")
                        }
                        try await deliver(chunk, evaluations)
                        delivered.insert(chunk)
                    case .failed(let message)?:
                        await log("slurm: chunk \(chunk) of array \(array.arrayID) failed: \(message)")
                    case nil:
                        break
                    }
                }
            }
            let running = recorded.filter { $0.state == .running }
            if delivered.count == chunks.count {
                for array in running { try await arrays.mark(array.id, state: .finished) }
                return
            }
            if let reason = stopReason() {
                if reason == .external { try await cancel(running, queue: queue) }
                throw DaemonError.stopped
            }
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
            let missing = (0..<chunks.count).filter { !delivered.contains($0) }
            let retryable = missing.filter { attempts[$0, default: 0] < settings.maxAttempts }
            for chunk in missing where !retryable.contains(chunk) {
                await log("slurm: chunk \(chunk) failed \(attempts[chunk, default: 0]) times; its \(chunks[chunk].count) candidates are marked failed")
                try await deliver(chunk, Self.failed(count: chunks[chunk].count, prompts: prompts.count))
                delivered.insert(chunk)
            }
            if retryable.isEmpty { return }
            try await submit(
                retryable, of: chunks, prompts: prompts, key: key, attempt: (recorded.map(\.attempt).max() ?? 0) + 1,
                queue: queue)
        }
    }

    /// Writes the request files of `chunkIndices`, submits them as one array and records it.
    private func submit(
        _ chunkIndices: [Int], of chunks: [[Schedule]], prompts: [String], key: String, attempt: Int, queue: SlurmQueue
    ) async throws {
        let folder = SlurmRequestFolder(sharedDirectory: settings.sharedDirectory, job: job, batchKey: key, attempt: attempt)
        var requests: [Int: EvaluateRequest] = [:]
        for chunk in chunkIndices {
            requests[chunk] = EvaluateRequest(
                schedules: chunks[chunk].map(WireSchedule.init(schedule:)), prompts: prompts, seeds: seeds, sampler: sampler)
        }
        try folder.write(chunks: requests, load: load)
        let script = try SlurmTaskScript.install(in: settings.sharedDirectory)
        let tasks = min(settings.maxTasks, chunkIndices.count)
        let name = "ecad-\(job.rawValue)-\(key.prefix(8))-a\(attempt)"
        let arrayID = try await queue.submit(name: name, folder: folder.path, tasks: tasks, script: script, worker: worker)
        try await arrays.record(
            job: job, batchKey: key, attempt: attempt, arrayID: arrayID, folder: folder.path, chunks: chunkIndices)
        await log("slurm: submitted array \(arrayID) (\(name)): \(chunkIndices.count) chunks on \(tasks) tasks")
    }

    private func cancel(_ running: [SlurmArray], queue: SlurmQueue) async throws {
        guard !running.isEmpty else { return }
        try await queue.cancel(running.map(\.arrayID))
        for array in running { try await arrays.mark(array.id, state: .cancelled) }
        await log("slurm: cancelled arrays \(running.map(\.arrayID).joined(separator: " "))")
    }

    /// Names a batch: the model, prompts, seeds and every chunk's schedules, in order.
    private func batchKey(_ chunks: [[Schedule]], prompts: [String]) -> String {
        var text = "model \(modelDigest)\nseeds \(seeds)\n"
        for prompt in prompts { text += "prompt \(prompt)\n" }
        for chunk in chunks { text += "chunk " + chunk.map(\.digest.hex).joined(separator: " ") + "\n" }
        return String(SHA256.hexDigest(Array(text.utf8)).prefix(16))
    }

    private static func failed(count: Int, prompts: Int) -> [EvaluateResult.Evaluation] {
        (0..<count).map {
            EvaluateResult.Evaluation(index: $0, rewards: Array(repeating: failedReward, count: prompts), macs: 0, latencySeconds: 0)
        }
    }
}
