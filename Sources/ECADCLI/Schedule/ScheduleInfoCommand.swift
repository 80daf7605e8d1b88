import ArgumentParser
import ECADCore
import Foundation

/// `ecad schedule info FILE`: shape, compute fractions, MACs and MAC speedup of a schedule file.
struct ScheduleInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show a schedule's shape, compute fraction per component, MACs and MAC speedup.",
        discussion: "Reads ecad (ecad.schedule/v1) and reference ECAD JSON files; the format is detected."
    )

    @Argument(help: "Schedule file (ecad or reference format).")
    var file: String

    @OptionGroup var model: ScheduleModelOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let loaded = try ScheduleFile(bytes: try ScheduleIO.read(file), model: model.model)
        let config = try model.resolve(model.model ?? loaded.document.model)
        let report = try ScheduleReport(document: loaded.document, model: config)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try ScheduleIO.write(Array(try encoder.encode(report)) + [0x0A], to: nil)
        } else {
            print("format:   \(loaded.format.rawValue)")
            print(report.text)
        }
    }
}
