import ECADCore
import ECADWorkerProtocol
import Foundation

/// One submission's folder on the shared file system: `request-<i>.json` (a `load` and an `evaluate` command
/// line), `result-<i>.json` written by the tasks, and Slurm's `slurm-<array>_<task>.log`.
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

    /// The result file of the chunk at `position` in the submission.
    package func resultFile(position: Int) -> String { "\(path)/result-\(position).json" }

    /// Creates the folder and writes `request-<position>.json` per request, each by tmp + rename.
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` (code `slurm`) when the shared folder refuses.
    package func write(_ requests: [EvaluateRequest], load: LoadRequest) throws {
        let codec = WorkerLineCodec()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (chunk, request) in requests.enumerated() {
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
