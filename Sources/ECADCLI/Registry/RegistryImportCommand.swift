import ArgumentParser
import ECADAPI
import Foundation

/// `ecad registry import DIR|URL`: the CLI reads the bundle as you, or downloads a registry mirror and checks every
/// file against its manifest, and sends it; the daemon verifies every file again and imports all of it or nothing,
/// recording you and the bundle's manifest digest on every new version.
struct RegistryImportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bundle (all or nothing; every sha256 is checked).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A bundle directory you can read, or a mirror's http(s) URL.") var source: String

    /// What the daemon reports for an import.
    struct Summary: Decodable { var versions: Int; var newVersions: Int; var aliases: Int; var bundleSha256: String }

    func execute() throws(CLIError) {
        let isURL = ["http://", "https://"].contains { source.lowercased().hasPrefix($0) }
        let files = isURL ? try MirrorClient(url: source).everything() : try BundleDirectory.read(source)
        let body = RegistryBundleBody(files: files)
        let summary = try global.registry.post("/v1/registry/import", json: body, as: Summary.self)
        TerminalOutput.print(
            "imported \(summary.versions) versions (\(summary.newVersions) new), \(summary.aliases) aliases "
                + "from bundle sha256:\(summary.bundleSha256)")
    }
}
