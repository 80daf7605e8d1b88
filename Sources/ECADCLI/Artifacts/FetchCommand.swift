import ArgumentParser

/// `ecad fetch ID [PATH...] [-o DIR]`: copies a job's files out of the daemon (sha256 checked).
struct FetchCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Copy a job's files (all, or the paths given) into a local folder.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Job id.")
    var id: JobIDArgument
    @Argument(help: "Artifact paths as `ecad artifacts ID` lists them (default: all).")
    var paths: [String] = []
    @Option(name: .shortAndLong, help: "Target folder (default: ./ecad-job-ID).")
    var output: String?

    func execute() throws(CLIError) {
        let directory = output ?? "ecad-job-\(id.value)"
        let written = try ArtifactDownloader(api: global.client)
            .download(id.value, paths: paths.isEmpty ? nil : paths, into: directory)
        TerminalOutput.print("\(written.count) file\(written.count == 1 ? "" : "s") written to \(directory)")
    }
}
