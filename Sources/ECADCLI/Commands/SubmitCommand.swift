import ArgumentParser

/// `ecad submit FILE [--set key=value]... [--priority N]`: prints the new job's id. FILE is TOML or JSON.
struct SubmitCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a job spec (TOML or JSON).",
        discussion: """
            Files the spec names (prompts, schedule files, init.files) are read here, as you, and sent inline: \
            the daemon reads no file on your behalf. Fields: docs/job-specs.md.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Spec file: TOML (.toml) or JSON, with \"kind\" and the spec's fields.")
    var file: String

    @Option(name: .customLong("set"), help: "Override a spec field: key=value (dotted keys; TOML values, else a plain string).")
    var overrides: [String] = []

    /// `.unconditional`: the value may start with a hyphen, so `--priority -5` reads -5, not an unknown flag.
    @Option(parsing: .unconditional, help: "Job priority (default 0, higher runs first; above 0 only for admins; negative runs later).")
    var priority: Int?

    func execute() throws(CLIError) {
        let spec = try SpecFile(path: file, overrides: overrides, priority: priority)
        let job = try global.client.submit(spec.request)
        if output.json { try printJSON(job) } else { print(job.id) }
    }
}
