import ArgumentParser
import ECADAPI
import ECADCore
import Foundation

/// `ecad registry get REF [--min-speedup X | --min-reward R] [--remote URL] [--format ecad|reference] [-o FILE]
/// [--snippet]`: the schedule file, from the daemon or from a registry mirror over HTTP.
struct RegistryGetCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Write a published schedule; with --min-speedup or --min-reward, REF is a name or model id.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Digest, prefix, name, NAME@ALIAS; or a name or model id with a query.")
    var ref: String
    @Option(help: "The best reward among versions at least this fast.")
    var minSpeedup: Double?
    @Option(help: "The fastest version with at least this reward.")
    var minReward: Double?
    @Option(help: "Read a registry mirror at this http(s) URL (the folder of manifest.json), not the daemon.")
    var remote: String?
    @Option(help: "ecad (ecad.schedule/v1) or reference (the reference implementation's JSON).")
    var format: ScheduleFile.Format = .ecad
    @Option(name: .shortAndLong, help: "Output file (standard output when absent).")
    var output: String?
    @Flag(help: "Print the Python lines that apply the schedule to a diffusers pipeline (with -o, also write it).")
    var snippet = false

    func execute() throws(CLIError) {
        let (digest, document) = try fetch()
        let bytes = format == .ecad ? document.fileBytes : ReferenceSchedule(document: document).jsonBytes
        if !snippet || output != nil {
            do {
                try ScheduleIO.write(bytes, to: output)
            } catch {
                throw CLIError.usage("\(error)")
            }
        }
        guard snippet else { return }
        let source: String
        if let output, output != "-" {
            source = URL(fileURLWithPath: output).path
        } else if let remote {
            source = "\(remote)#\(digest)"
        } else {
            source = digest
        }
        TerminalOutput.print(ScheduleSnippet.text(source: source, document: document, digest: digest))
    }

    /// REF's digest and schedule: from the mirror (every file verified), or as the daemon resolves it.
    private func fetch() throws(CLIError) -> (String, ScheduleDocument) {
        var path = "/v1/registry/resolve?ref=\(RegistryClient.escape(ref))"
        switch (minSpeedup, minReward, remote) {
        case (.some, .some, _): throw CLIError.usage("give --min-speedup or --min-reward, not both")
        case (.some, _, .some), (_, .some, .some):
            throw CLIError.usage("--remote takes a REF; --min-speedup and --min-reward ask the daemon")
        case (nil, nil, .some(let url)):
            let fetched = try MirrorClient(url: url).schedule(ref)
            return (fetched.digest, fetched.document)
        case (.some(let value), nil, nil): path += "&min_speedup=\(value)"
        case (nil, .some(let value), nil): path += "&min_reward=\(value)"
        case (nil, nil, nil): break
        }
        let version = try global.registry.get(path, as: RegistryEntryView.self)
        guard let schedule = version.schedule else { throw CLIError.badResponse("no schedule in the answer") }
        do {
            let text = try APIJSON.makeEncoder().encode(schedule)
            return (version.digest, try ScheduleDocument(jsonBytes: Array(text)))
        } catch {
            throw CLIError.badResponse("the schedule of \(version.digest) does not parse: \(error)")
        }
    }
}
