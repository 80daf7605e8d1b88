import ArgumentParser

/// `ecad`: the command-line client of the ecad daemon, plus offline schedule tools.
@available(macOS 10.15, *)
public struct ECADCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ecad",
        abstract: "Submit and follow ecad jobs; inspect caching schedules.",
        subcommands: [
            SubmitCommand.self, QueueCommand.self, ShowCommand.self, CancelCommand.self, HoldCommand.self,
            ReleaseCommand.self, RequeueCommand.self, WatchCommand.self, LogsCommand.self,
            ScheduleCommand.self, RegistryCommand.self,
            // MERGE: enable when ECADCLI/Shapes lands: ShapesCommand.self,
        ]
    )

    /// Creates the root command.
    public init() {}
}

@available(macOS 10.15, *)
extension ECADCommand {
    /// Parses `CommandLine.arguments` and runs the chosen command; exits the process with its status.
    public static func runFromCommandLine() async {
        let root: any AsyncParsableCommand.Type = ECADCommand.self
        await root.main()
    }
}
