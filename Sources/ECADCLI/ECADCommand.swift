import ArgumentParser
import Foundation

/// `ecad`: the command-line client of the ecad daemon, plus offline schedule tools.
@available(macOS 10.15, *)
public struct ECADCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ecad",
        abstract: "Submit and follow ecad jobs; inspect caching schedules.",
        subcommands: [
            SubmitCommand.self, QueueCommand.self, ShowCommand.self, CancelCommand.self, HoldCommand.self,
            ReleaseCommand.self, RequeueCommand.self, WatchCommand.self, LogsCommand.self, ArtifactsCommand.self,
            FetchCommand.self, GenerateCommand.self, FrontCommand.self,
            RegistryCommand.self, ScheduleCommand.self, ShapesCommand.self, PromptsCommand.self, UICommand.self,
        ]
    )

    /// `--socket` given before the subcommand (`ecad --socket S queue`). Every daemon command declares the same
    /// option group, and ArgumentParser hands the value parsed here down to it; after the subcommand works too.
    @OptionGroup var global: GlobalOptions

    /// Creates the root command.
    public init() {}
}

@available(macOS 10.15, *)
extension ECADCommand {
    /// Parses `CommandLine.arguments` and runs the chosen command; exits the process with its status.
    /// Usage errors exit with 2 (not ArgumentParser's 64), as the CLI's exit codes promise.
    public static func runFromCommandLine() async -> Never {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(withError: nil)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
