import ArgumentParser
import Foundation

/// `ecad prompts import FORMAT FILE [-o OUT]`: a prompt file (one prompt a line) from a public prompt set.
struct PromptsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a prompt file (one prompt a line) from a public prompt set's file.",
        discussion: """
            Formats: \(PromptSetFormat.allCases.map(\.rawValue).joined(separator: ", ")). Where each set comes \
            from and the command that makes each file the job specs name: docs/prompts.md.
            Example: ecad prompts import coco captions_val2014.json --one-per-image --sample 30000 --seed 0 \
            -o jobs/prompts/coco-30k.txt
            """
    )

    /// Largest input read (1 GiB: COCO's train captions are about 90 MB).
    static let maxBytes = 1 << 30

    @Argument(help: "The file's format.")
    var format: PromptSetFormat

    @Argument(help: "The set's file, as distributed (- = standard input).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the prompt file here (default: standard output).")
    var output: String?

    @Option(help: "Keep the first N prompts (after --sample, when both are given).")
    var limit: Int?

    @Option(help: "Keep N prompts drawn at random without replacement (in file order); see --seed.")
    var sample: Int?

    @Option(help: "Seed of --sample: the same file, N and seed give the same prompts on every machine.")
    var seed: UInt64 = 0

    @Option(help: "parti: the column that holds the prompt.")
    var column = "Prompt"

    @Option(help: "parti, mjhq: keep only prompts of this category (parti: Category column; mjhq: category key).")
    var category: String?

    @Flag(help: "coco: keep only the first caption of each image (COCO has about five).")
    var onePerImage = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be positive") }
        if let sample, sample < 1 { throw ValidationError("--sample must be positive") }
    }

    func run() throws {
        let name = file == "-" ? "standard input" : file
        let reader = PromptSetReader(format: format, column: column, category: category, onePerImage: onePerImage)
        let raw = try reader.read(try ScheduleIO.read(file, maxBytes: Self.maxBytes), name: name)
        let result = try PromptSelection(limit: limit, sample: sample, seed: seed).apply(to: raw, name: name)
        let header = "# \(result.prompts.count) \(format.rawValue) prompts, made by: ecad prompts import \(commandLine)"
        let text = ([header] + result.prompts).joined(separator: "\n") + "\n"
        try ScheduleIO.write(Array(text.utf8), to: output)
        var note = "ecad: \(result.prompts.count) prompts" + (output.map { " written to \($0)" } ?? "")
        if result.droppedEmpty > 0 { note += "; dropped \(result.droppedEmpty) empty" }
        if result.droppedComment > 0 { note += "; dropped \(result.droppedComment) starting with #" }
        FileHandle.standardError.write(Data((note + "\n").utf8))
    }

    /// The options that shape the result, for the file's header (paths reduced to file names).
    private var commandLine: String {
        var parts = [format.rawValue, URL(fileURLWithPath: file).lastPathComponent]
        if let category { parts += ["--category", category] }
        if format == .parti, column != "Prompt" { parts += ["--column", column] }
        if onePerImage { parts.append("--one-per-image") }
        if let sample { parts += ["--sample", String(sample), "--seed", String(seed)] }
        if let limit { parts += ["--limit", String(limit)] }
        return parts.joined(separator: " ")
    }
}
