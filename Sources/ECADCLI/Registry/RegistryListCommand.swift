import ArgumentParser
import ECADAPI

/// `ecad registry list [--model M]`: published versions with their metrics and aliases; ORIGIN `import` marks
/// versions whose metrics a bundle claimed.
struct RegistryListCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List published versions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this model's versions.")
    var model: String?

    func execute() throws(CLIError) {
        let path = "/v1/registry" + (model.map { "?model=\(RegistryClient.escape($0))" } ?? "")
        if output.json { return printJSON(try global.client.raw(path)) }
        let versions = try global.registry.get(path, as: RegistryClient.ListBody.self).versions
        var table = TextTable(headers: ["DIGEST", "MODEL", "ORIGIN", "REWARD", "MACS", "SPEEDUP", "ALIASES"])
        for version in versions {
            let metric = { (key: String) in version.metrics[key].map { String(format: "%.3f", $0) } ?? "-" }
            table.rows.append([
                String(version.digest.prefix(12)), version.modelID, version.origin.rawValue, metric("reward"), metric("macsRatio"),
                metric("speedup"), version.aliases.isEmpty ? "-" : version.aliases.joined(separator: ","),
            ])
        }
        TerminalOutput.print(table.rendered)
    }
}
