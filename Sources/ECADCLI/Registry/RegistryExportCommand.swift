import ArgumentParser
import ECADAPI
import Foundation

/// `ecad registry export [--mirror] DIR [--model M]`: the daemon sends the bundle, and the CLI writes it into DIR
/// as you; with `--mirror`, also `index.json` (``MirrorIndex``), listed in the manifest, so DIR can be served as a
/// registry mirror.
struct RegistryExportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export versions, names and aliases as a verified directory bundle.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A new or empty directory (not a symbolic link); written as you.") var directory: String
    @Option(help: "Only this model's versions.") var model: String?
    @Flag(help: "Write a registry mirror: the bundle plus index.json, to serve over HTTP.") var mirror = false

    func execute() throws(CLIError) {
        var body: [String: String] = [:]
        body["model"] = model
        let bundle = try global.registry.post("/v1/registry/export", body: body, as: RegistryBundleBody.self)
        guard var files = bundle.byPath else { throw CLIError.badResponse("the exported bundle lists a path twice") }
        if mirror { files = try MirrorIndex.mirror(of: files) }
        try BundleDirectory.write(files, to: directory)
        let versions = files.keys.filter { $0.hasPrefix("versions/") }.count
        TerminalOutput.print("exported \(versions) versions, \(files.count) files to \(directory)")
    }
}
