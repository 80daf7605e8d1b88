import ArgumentParser

/// `ecad submit FILE [--set key=value]... [--priority N]`: prints the new job's id.
struct SubmitCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Submit a job spec (JSON).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Spec file: a JSON object with \"kind\" and the spec's fields.")
    var file: String

    @Option(name: .customLong("set"), help: "Override a spec field: key=value (dotted keys; JSON values).")
    var overrides: [String] = []

    /// `.unconditional`: the value may start with a hyphen, so `--priority -5` reads -5, not an unknown flag.
    @Option(parsing: .unconditional, help: "Job priority (higher runs first; negative runs later).")
    var priority: Int?

    func execute() throws(CLIError) {
        let spec = try SpecFile(path: file, overrides: overrides, priority: priority)
        let job = try global.client.submit(spec.request)
        if output.json { try printJSON(job) } else { print(job.id) }
    }
}
