import ArgumentParser
import ECADAPI

/// `ecad watch ID`: prints state changes and progress until the job ends.
struct WatchCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Follow a job until it ends.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Job id.")
    var id: JobIDArgument

    func execute() throws(CLIError) {
        var lastProgress = ""
        try global.client.follow(id.value) { (page: JobEventListResponse, line) throws(CLIError) in
            if output.json { return printJSON(line) }
            for event in page.events {
                let from = event.from?.rawValue ?? "-"
                let reason = event.reason.map { " (\($0))" } ?? ""
                TerminalOutput.print("\(event.time.formatted(.iso8601))  \(from) -> \(event.to.rawValue)\(reason)")
            }
            if let job = page.job {
                let progress = JobFormatting.progress(job)
                if progress != "-", progress != lastProgress {
                    lastProgress = progress
                    TerminalOutput.print("progress: \(progress)")
                }
            }
        }
    }
}
