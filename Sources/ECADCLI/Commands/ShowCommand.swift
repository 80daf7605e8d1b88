import ArgumentParser
import ECADAPI

/// `ecad show ID`: one job in key=value form, like `scontrol show job`.
struct ShowCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one job.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Job id.")
    var id: JobIDArgument

    func execute() throws(CLIError) {
        if output.json { return printJSON(try global.client.raw("/v1/jobs/\(id.value)")) }
        let job = try global.client.job(id.value)
        var fields: [(String, String)] = [
            ("JobId", String(job.id)), ("Kind", job.kind.rawValue), ("Name", job.name ?? "-"),
            ("User", "\(job.ownerName)(\(job.ownerUID))"), ("State", job.state.rawValue),
            ("Reason", job.reason ?? "None"), ("Priority", String(job.priority)), ("Restarts", String(job.restarts)),
            ("Workers", String(job.workers)),
            ("SubmitTime", job.submittedAt.formatted(.iso8601)),
            ("StartTime", job.startedAt?.formatted(.iso8601) ?? "Unknown"),
            ("EndTime", job.endedAt?.formatted(.iso8601) ?? "Unknown"), ("RunTime", JobFormatting.elapsed(job)),
            ("Progress", JobFormatting.progress(job)),
        ]
        if let by = job.cancelledBy { fields.append(("CancelledBy", String(by))) }
        for (key, value) in fields { TerminalOutput.print("\(key)=\(value)") }
    }
}
