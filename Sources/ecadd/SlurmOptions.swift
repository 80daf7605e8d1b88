import ArgumentParser
import ECADDaemon

/// `ecadd`'s `--slurm-*` flags (docs/operations.md, "Running ecadd against a Slurm cluster"). Giving
/// `--slurm-shared-dir` turns Slurm on.
struct SlurmOptions: ParsableArguments {
    @Option(name: .customLong("slurm-shared-dir"), help: "Folder every Slurm node sees at the same path; turns on evaluation through Slurm.")
    var sharedDirectory: String?

    @Option(name: .customLong("slurm-partition"), help: "sbatch --partition.")
    var partition: String?

    @Option(name: .customLong("slurm-account"), help: "sbatch --account.")
    var account: String?

    @Option(name: .customLong("slurm-gres"), help: "sbatch --gres (for example gpu:1).")
    var gres: String?

    @Option(name: .customLong("slurm-time-limit"), help: "sbatch --time per array task (for example 2:00:00).")
    var timeLimit: String?

    @Option(name: .customLong("slurm-max-tasks"), help: "Array tasks at once; each loads the model once.")
    var maxTasks = 4

    @Option(name: .customLong("slurm-poll-interval"), help: "Seconds between polls of Slurm's queue.")
    var pollInterval = 2.0

    @Option(name: .customLong("slurm-max-attempts"), help: "Submissions of a chunk before its candidates are marked failed.")
    var maxAttempts = 3

    /// The settings, or nil when no shared directory was given.
    var settings: SlurmSettings? {
        guard let sharedDirectory else { return nil }
        var settings = SlurmSettings(sharedDirectory: sharedDirectory)
        settings.partition = partition
        settings.account = account
        settings.gres = gres
        settings.timeLimit = timeLimit
        settings.maxTasks = maxTasks
        settings.pollInterval = pollInterval
        settings.maxAttempts = maxAttempts
        return settings
    }
}
