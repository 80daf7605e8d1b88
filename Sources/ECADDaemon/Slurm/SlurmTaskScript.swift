import Foundation

/// The batch script every array task runs: `ecad-slurm-task.sh FOLDER TASKS WORKER [ARGS...]` starts the worker in
/// one-shot mode on this task's share of the folder's request files (slot `$SLURM_ARRAY_TASK_ID` of TASKS).
///
/// sbatch runs a spooled copy of the script, so everything it needs comes as arguments, never through `$0`.
package enum SlurmTaskScript {
    /// The script's text.
    package static let text = """
        #!/bin/sh
        # Written by ecadd: one Slurm array task of a search batch (docs/operations.md).
        # usage: ecad-slurm-task.sh FOLDER TASKS WORKER [ARGS...]
        folder=$1
        tasks=$2
        shift 2
        exec "$@" oneshot --folder "$folder" --slot "$SLURM_ARRAY_TASK_ID" --slots "$tasks"

        """

    /// Writes the script into the shared directory (tmp + rename, mode 0755) unless it is there already; returns
    /// its path.
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` (code `slurm`) when the directory refuses it.
    package static func install(in sharedDirectory: String) throws -> String {
        let path = (sharedDirectory as NSString).appendingPathComponent("ecad-slurm-task.sh")
        if FileManager.default.contents(atPath: path) == Data(text.utf8) { return path }
        let temporary = path + ".\(getpid()).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw DaemonError.workerFailed(code: "slurm", message: "cannot write \(path): \(error)")
        }
        return path
    }
}
