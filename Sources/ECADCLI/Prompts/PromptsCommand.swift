import ArgumentParser

/// `ecad prompts`: offline tools for prompt files (no daemon).
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts",
        abstract: "Make prompt files from public prompt sets (offline; see docs/prompts.md).",
        subcommands: [PromptsImportCommand.self]
    )
}
