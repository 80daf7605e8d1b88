import ArgumentParser

/// `ecad registry import DIR`: the daemon verifies every file of the bundle and imports all of it or nothing.
struct RegistryImportCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bundle (all or nothing; every sha256 is checked).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A bundle directory you own.") var directory: String

    func execute() throws(CLIError) {
        let body = ["directory": RegistryPaths.absolute(directory)]
        let summary = try global.registry.post("/v1/registry/import", body: body, as: RegistryPaths.Summary.self)
        TerminalOutput.print("imported \(summary.versions) versions (\(summary.newVersions) new), \(summary.aliases) aliases")
    }
}
