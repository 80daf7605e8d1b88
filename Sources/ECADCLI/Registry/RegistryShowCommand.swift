import ArgumentParser
import ECADAPI

/// `ecad registry show REF`: one version's fields, metrics and aliases.
struct RegistryShowCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one version (REF: digest, prefix ≥ 8, name, or NAME@ALIAS).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Digest, unique digest prefix, name, or NAME@ALIAS.")
    var ref: String

    func execute() throws(CLIError) {
        let path = "/v1/registry/show?ref=\(RegistryClient.escape(ref))"
        if output.json { return printJSON(try global.client.raw(path)) }
        let version = try global.registry.get(path, as: RegistryEntryView.self)
        let fields: [(String, String)] = [
            ("Digest", version.digest), ("Model", version.modelID), ("Weights", version.weightsDigest),
            ("Sampler", version.sampler), ("Steps", String(version.steps)), ("Resolution", String(version.resolution)),
            ("CalibrationPrompts", version.calibrationPromptSetDigest),
            ("Aliases", version.aliases.isEmpty ? "-" : version.aliases.joined(separator: ",")),
            ("Published", version.createdAt.formatted(.iso8601)),
        ]
        for (key, value) in fields { TerminalOutput.print("\(key)=\(value)") }
        for (key, value) in version.metrics.sorted(by: { $0.key < $1.key }) { TerminalOutput.print("Metric.\(key)=\(value)") }
    }
}
