import ArgumentParser

/// `ecad registry`: published schedule versions, names and aliases (docs/registry.md).
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry", abstract: "List, show, fetch, alias, export and import published schedules.",
        subcommands: [
            RegistryListCommand.self, RegistryShowCommand.self, RegistryGetCommand.self, RegistryAliasCommand.self,
            RegistryExportCommand.self, RegistryImportCommand.self,
        ])
}
