import ArgumentParser
import ECADAPI

/// `ecad artifacts ID`: the files a job produced.
struct ArtifactsCommand: DaemonCommand {
    static let configuration = CommandConfiguration(commandName: "artifacts", abstract: "List the files a job produced.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Job id.")
    var id: JobIDArgument

    func execute() throws(CLIError) {
        let listing = try ArtifactDownloader(api: global.client).list(id.value)
        if output.json { return try printJSON(listing) }
        var table = TextTable(headers: ["KIND", "BYTES", "SHA256", "PATH"])
        for item in listing.artifacts {
            table.rows.append([item.kind, String(item.bytes), String(item.sha256.prefix(12)), item.path])
        }
        TerminalOutput.print(table.rendered)
    }
}
