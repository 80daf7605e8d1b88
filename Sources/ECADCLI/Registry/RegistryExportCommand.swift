import ArgumentParser
import Foundation

/// `ecad registry export DIR [--model M]`: the daemon writes a bundle into DIR (an absolute path you own).
struct RegistryExportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export versions, names and aliases as a verified directory bundle.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A new or empty directory; its parent must be yours.") var directory: String
    @Option(help: "Only this model's versions.") var model: String?

    func execute() throws(CLIError) {
        var body = ["directory": RegistryPaths.absolute(directory)]
        body["model"] = model
        let summary = try global.registry.post("/v1/registry/export", body: body, as: RegistryPaths.Summary.self)
        TerminalOutput.print("exported \(summary.versions) versions, \(summary.aliases) aliases, \(summary.files) files to \(body["directory"] ?? "")")
    }
}

/// Bundle paths and answers shared by export and import.
enum RegistryPaths {
    /// What the daemon reports for a bundle.
    struct Summary: Decodable { var versions: Int; var newVersions: Int; var aliases: Int; var files: Int }

    /// `path` made absolute against the current directory (the daemon refuses relative paths).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
