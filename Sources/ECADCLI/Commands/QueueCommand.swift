import ArgumentParser
import Foundation
import ECADAPI

/// `ecad queue [--all] [--user U] [--state S]`: the job table.
struct QueueCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "List jobs, like squeue.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Include finished jobs.")
    var all = false

    @Option(help: "Only jobs of this user (name or uid).")
    var user: String?

    @Option(help: "Only jobs in these states (comma-separated, e.g. PENDING,RUNNING).")
    var state: String?

    func execute() throws(CLIError) {
        var parameters: [String] = []
        if all { parameters.append("all=1") }
        if let user { parameters.append("user=" + QueryEncoding.escape(user)) }
        if let state { parameters.append("state=" + QueryEncoding.escape(state)) }
        let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
        if output.json { return printJSON(try global.client.raw("/v1/jobs" + query)) }
        let jobs = try global.client.list(query: query).jobs
        TerminalOutput.print(TextTable(headers: JobFormatting.headers, rows: jobs.map(JobFormatting.row)).rendered)
    }
}

/// Percent-encoding of query values.
enum QueryEncoding {
    /// Escapes everything but unreserved characters.
    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? value
    }
}
