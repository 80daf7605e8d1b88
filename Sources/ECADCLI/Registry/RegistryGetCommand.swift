import ArgumentParser
import ECADAPI
import ECADCore
import Foundation

/// `ecad registry get REF [--min-speedup X | --min-reward R] [--format ecad|reference] [-o FILE]`: the schedule file.
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
    @Option(help: "ecad (ecad.schedule/v1) or reference (the reference implementation's JSON).")
    var format: ScheduleFile.Format = .ecad
    @Option(name: .shortAndLong, help: "Output file (standard output when absent).")
    var output: String?

    func execute() throws(CLIError) {
        var path = "/v1/registry/resolve?ref=\(RegistryClient.escape(ref))"
        switch (minSpeedup, minReward) {
        case (.some, .some): throw CLIError.usage("give --min-speedup or --min-reward, not both")
        case (.some(let value), nil): path += "&min_speedup=\(value)"
        case (nil, .some(let value)): path += "&min_reward=\(value)"
        case (nil, nil): break
        }
        let version = try global.registry.get(path, as: RegistryEntryView.self)
        guard let schedule = version.schedule else { throw CLIError.badResponse("no schedule in the answer") }
        let bytes: [UInt8]
        do {
            let text = try APIJSON.makeEncoder().encode(schedule)
            let document = try ScheduleDocument(jsonBytes: Array(text))
            bytes = format == .ecad ? document.fileBytes : ReferenceSchedule(document: document).jsonBytes
        } catch {
            throw CLIError.badResponse("the schedule of \(version.digest) does not parse: \(error)")
        }
        do {
            try ScheduleIO.write(bytes, to: output)
        } catch {
            throw CLIError.usage("\(error)")
        }
    }
}

