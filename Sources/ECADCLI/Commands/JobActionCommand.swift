import ArgumentParser
import ECADAPI

/// The state actions `cancel`, `hold`, `release`, `requeue`: one job id, prints the new state.
protocol JobActionCommand: DaemonCommand {
    /// The action sent.
    static var action: ActionRequest.Action { get }
    /// Options.
    var global: GlobalOptions { get }
    /// The job.
    var id: JobIDArgument { get }
}

extension JobActionCommand {
    func execute() throws(CLIError) {
        let job = try global.client.act(Self.action, on: id.value)
        TerminalOutput.print("\(job.id) \(JobFormatting.state(job))")
    }
}

/// `ecad cancel ID`.
struct CancelCommand: JobActionCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a job.")
    static let action = ActionRequest.Action.cancel
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: JobIDArgument
}

/// `ecad hold ID`.
struct HoldCommand: JobActionCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Hold a job (keep it from running).")
    static let action = ActionRequest.Action.hold
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: JobIDArgument
}

/// `ecad release ID`.
struct ReleaseCommand: JobActionCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a held job.")
    static let action = ActionRequest.Action.release
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: JobIDArgument
}

/// `ecad requeue ID`.
struct RequeueCommand: JobActionCommand {
    static let configuration = CommandConfiguration(commandName: "requeue", abstract: "Send a running job back to the queue.")
    static let action = ActionRequest.Action.requeue
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: JobIDArgument
}
