import ArgumentParser
import ECADCore

/// `ecad schedule heuristic NAME --model M [--steps 20] [-o OUT]`: writes a heuristic schedule.
struct ScheduleHeuristicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heuristic",
        abstract: "Write the schedule of a heuristic (FORA, T-GATE, ...) as an ecad file.",
        discussion: "Heuristics:\n" + HeuristicFamily.usage.map { "  \($0.name)\($0.parameters.isEmpty ? "" : ":" + $0.parameters)" }
            .joined(separator: "\n") + "\nExample: ecad schedule heuristic fora:n=3 --model pixart-alpha-256"
    )

    @Argument(help: "Heuristic in compact form, e.g. fora:n=2 or tgate:k=10.")
    var heuristic: String

    @OptionGroup var model: ScheduleModelOptions

    @Option(help: "Denoising steps (default: the model's, 20).")
    var steps: Int?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "Output format: ecad or reference.")
    var format: ScheduleFile.Format = .ecad

    func validate() throws {
        guard model.model != nil else { throw ValidationError("--model is required") }
        if let steps, !(1...10_000).contains(steps) { throw ValidationError("--steps must be in 1...10000") }
    }

    func run() throws {
        let family = try HeuristicFamily(parsing: heuristic)
        let config = try model.resolve(model.model ?? "")
        let schedule = try family.schedule(for: config, steps: steps)
        let document = try ScheduleDocument(
            model: config.id, schedule: schedule, name: family.description, resolution: config.resolution,
            provenance: .object([("heuristic", .string(family.description))])
        )
        let bytes = format == .ecad ? document.fileBytes : ReferenceSchedule(document: document).jsonBytes
        try ScheduleIO.write(bytes, to: output)
    }
}
