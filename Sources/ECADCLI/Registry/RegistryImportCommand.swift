import ArgumentParser
import ECADAPI
import Foundation

/// `ecad registry import DIR`: the CLI reads the bundle as you and sends it; the daemon verifies every file and
/// imports all of it or nothing, recording you and the bundle's manifest digest on every new version.
struct RegistryImportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bundle (all or nothing; every sha256 is checked).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A bundle directory you can read.") var directory: String

    /// What the daemon reports for an import.
    struct Summary: Decodable { var versions: Int; var newVersions: Int; var aliases: Int; var bundleSha256: String }

    func execute() throws(CLIError) {
        let body = RegistryBundleBody(files: try BundleDirectory.read(directory))
        let summary = try global.registry.post("/v1/registry/import", json: body, as: Summary.self)
        TerminalOutput.print(
            "imported \(summary.versions) versions (\(summary.newVersions) new), \(summary.aliases) aliases "
                + "from bundle sha256:\(summary.bundleSha256)")
    }
}
