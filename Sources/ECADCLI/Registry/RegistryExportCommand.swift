import ArgumentParser
import ECADAPI
import Foundation

/// `ecad registry export DIR [--model M]`: the daemon sends the bundle, and the CLI writes it into DIR as you.
struct RegistryExportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export versions, names and aliases as a verified directory bundle.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A new or empty directory (not a symbolic link); written as you.") var directory: String
    @Option(help: "Only this model's versions.") var model: String?

    func execute() throws(CLIError) {
        var body: [String: String] = [:]
        body["model"] = model
        let bundle = try global.registry.post("/v1/registry/export", body: body, as: RegistryBundleBody.self)
        guard let files = bundle.byPath else { throw CLIError.badResponse("the exported bundle lists a path twice") }
        try BundleDirectory.write(files, to: directory)
        let versions = files.keys.filter { $0.hasPrefix("versions/") }.count
        TerminalOutput.print("exported \(versions) versions, \(files.count) files to \(directory)")
    }
}
