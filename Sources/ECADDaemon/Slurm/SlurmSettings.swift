import Foundation

/// How ecadd drives a Slurm cluster (`--slurm-*` flags; docs/operations.md, "Running ecadd against a Slurm
/// cluster"). When set, search jobs evaluate their candidates through `sbatch --array` instead of the local worker.
package struct SlurmSettings: Sendable, Equatable {
    /// A folder every node sees at the same path, writable by the daemon's user: request, result and log files.
    package var sharedDirectory: String
    /// `--partition`, when set.
    package var partition: String?
    /// `--account`, when set.
    package var account: String?
    /// `--gres` (for example `gpu:1`), when set.
    package var gres: String?
    /// `--time` (Slurm's syntax, for example `2:00:00`), when set.
    package var timeLimit: String?
    /// Array tasks at once; each task loads the model once and works through its share of the chunks.
    package var maxTasks = 4
    /// Seconds between two polls of Slurm's queue (one `squeue` call for every array of a batch).
    package var pollInterval = 2.0
    /// Submissions of a chunk before its candidates are marked failed.
    package var maxAttempts = 3
    /// The directory holding `sbatch`, `squeue` and `scancel`; nil to find them on `PATH`.
    package var binDirectory: String?

    /// Creates settings with the defaults.
    package init(sharedDirectory: String) {
        self.sharedDirectory = sharedDirectory
    }

    /// Checks the numbers and that the shared directory exists and takes a file.
    /// - Throws: ``DaemonError/configuration(_:)`` naming the flag.
    package func validate() throws(DaemonError) {
        guard maxTasks >= 1 else { throw .configuration("--slurm-max-tasks must be at least 1, got \(maxTasks)") }
        guard pollInterval > 0 else { throw .configuration("--slurm-poll-interval must be positive") }
        guard maxAttempts >= 1 else { throw .configuration("--slurm-max-attempts must be at least 1, got \(maxAttempts)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sharedDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .configuration("--slurm-shared-dir \(sharedDirectory) is not an existing folder") }
        let probe = (sharedDirectory as NSString).appendingPathComponent(".ecadd-write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw .configuration("--slurm-shared-dir \(sharedDirectory) is not writable by this user")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// The path of a Slurm command (`sbatch`, `squeue`, `scancel`).
    package func command(_ name: String) -> String {
        binDirectory.map { ($0 as NSString).appendingPathComponent(name) } ?? name
    }
}
