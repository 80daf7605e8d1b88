import ECADCore
import ECADWorkerProtocol
import Foundation

/// One attempt's folder on the shared file system: `request-<chunk>.json` (a `load` and an `evaluate` command
/// line), `result-<chunk>.json` written by the tasks, and Slurm's `slurm-<array>_<task>.log`.
package struct SlurmRequestFolder: Sendable {
    /// The folder: `<shared>/ecad-job-<job>/<batch key>/attempt-<n>`.
    package let path: String

    /// The folder of `attempt` of a batch.
    package init(sharedDirectory: String, job: JobID, batchKey: String, attempt: Int) {
        path = "\(sharedDirectory)/ecad-job-\(job.rawValue)/\(batchKey)/attempt-\(attempt)"
    }

    /// Wraps a folder recorded in the store.
    package init(path: String) {
        self.path = path
    }

    /// The result file of a chunk.
    package func resultFile(chunk: Int) -> String { "\(path)/result-\(chunk).json" }

    /// Creates the folder and writes one request file per chunk, each by tmp + rename.
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` (code `slurm`) when the shared folder refuses.
    package func write(chunks: [Int: EvaluateRequest], load: LoadRequest) throws {
        let codec = WorkerLineCodec()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (chunk, request) in chunks {
                var content = try codec.encode(WorkerCommand(id: "load", request: .load(load)))
                content.append(try codec.encode(WorkerCommand(id: WorkerRequestID(rawValue: "evaluate-\(chunk)"), request: .evaluate(request))))
                let file = "\(path)/request-\(chunk).json"
                try content.write(to: URL(fileURLWithPath: file + ".tmp"))
                try FileManager.default.moveItem(atPath: file + ".tmp", toPath: file)
            }
        } catch {
            throw DaemonError.workerFailed(code: "slurm", message: "cannot write request files under \(path): \(error)")
        }
    }
}
