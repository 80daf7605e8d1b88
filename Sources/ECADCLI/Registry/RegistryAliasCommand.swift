import ArgumentParser
import ECADAPI

/// `ecad registry alias NAME ALIAS DIGEST`: point `NAME@ALIAS` at a version (the move is logged with your uid).
struct RegistryAliasCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "alias", abstract: "Move NAME@ALIAS to a version.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Registry name, e.g. shapes32/quick.") var name: String
    @Argument(help: "Alias label, e.g. fastest.") var alias: String
    @Argument(help: "Digest or unique prefix (≥ 8 hex digits).") var digest: String

    func execute() throws(CLIError) {
        let version = try global.registry.post(
            "/v1/registry/alias", body: ["name": name, "alias": alias, "digest": digest], as: RegistryEntryView.self)
        TerminalOutput.print("\(name)@\(alias) -> \(version.digest)")
    }
}
