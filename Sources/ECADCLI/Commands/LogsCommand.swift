import ArgumentParser
import ECADAPI

/// `ecad logs ID`: the job's worker and daemon log lines.
struct LogsCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a job's log.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Job id.")
    var id: JobIDArgument

    func execute() throws(CLIError) {
        if output.json { return printJSON(try global.client.raw("/v1/jobs/\(id.value)/logs")) }
        for line in try global.client.logs(id.value).lines {
            TerminalOutput.print("\(line.time.formatted(.iso8601)) [\(line.stream)] \(line.text)")
        }
    }
}
