import ArgumentParser
import ECADAPI

/// `ecad registry show REF`: one version's fields, metrics and aliases. An imported version says who imported it
/// from which bundle, and its metrics print as `Claimed.*`: the bundle's claims, not this daemon's measurements.
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
            ("Published", version.createdAt.formatted(.iso8601)), ("Origin", version.origin.rawValue),
        ]
        for (key, value) in fields { TerminalOutput.print("\(key)=\(value)") }
        if let imported = version.imported {
            let who = imported.uid.map { "\(imported.user ?? "uid\($0)") (uid \($0))" } ?? "unknown"
            TerminalOutput.print("ImportedBy=\(who)")
            TerminalOutput.print("ImportedFromBundle=" + (imported.bundleSha256.map { "sha256:\($0)" } ?? "unknown"))
            TerminalOutput.print("ImportedAt=\(imported.time.formatted(.iso8601))")
        }
        let prefix = version.origin == .import ? "Claimed" : "Metric"
        for (key, value) in version.metrics.sorted(by: { $0.key < $1.key }) { TerminalOutput.print("\(prefix).\(key)=\(value)") }
    }
}
