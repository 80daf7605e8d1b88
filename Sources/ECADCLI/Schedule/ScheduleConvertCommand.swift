import ArgumentParser
import ECADCore

/// `ecad schedule convert FILE --to ecad|reference [-o OUT]`.
struct ScheduleConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a schedule between the ecad and the reference ECAD JSON formats.",
        discussion: """
            ecad output is the canonical encoding (sorted keys, no whitespace) plus a newline. Reference output \
            uses the layout of Python's json.dump(indent=4); an unmodified reference file converts back byte for byte.
            """
    )

    @Argument(help: "Schedule file (ecad or reference format).")
    var file: String

    @Option(help: "Output format: ecad or reference.")
    var to: ScheduleFile.Format

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "Model id to record when converting a reference file (default: guessed from the file).")
    var model: String?

    func run() throws {
        let loaded = try ScheduleFile(bytes: try ScheduleIO.read(file), model: model)
        try ScheduleIO.write(loaded.encoded(as: to), to: output)
    }
}

extension ScheduleFile.Format: ExpressibleByArgument {}
