import ArgumentParser
import ECADAPI
import ECADCore
import Foundation

/// `ecad generate --schedule REF --prompt TEXT [-o DIR]`: submits a `generate` job, shows a progress bar until
/// it ends, and copies its images, grid and `images.json` into DIR.
struct GenerateCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate images under a schedule and copy them here.",
        discussion: """
            --schedule takes a registry reference (digest, prefix, NAME, NAME@ALIAS) or a schedule file \
            (ecad or reference JSON), whose contents are sent inline; --heuristic takes a heuristic such as \
            fora:n=2. Without either, every component is computed (no caching).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Registry reference or schedule file.")
    var schedule: String?
    @Option(help: "A heuristic schedule instead, e.g. fora:n=2 or tgate:k=10.")
    var heuristic: String?
    @Option(name: .customLong("prompt"), help: "A prompt (repeat for several).")
    var prompts: [String] = []
    @Option(name: .customLong("seed"), help: "An image seed (repeat for several; default 0).")
    var seeds: [Int] = []
    @Option(help: "Model id.")
    var model = "shapes32"
    @Option(help: "Sampling steps (must match the schedule's).")
    var steps: Int?
    @Option(name: .shortAndLong, help: "Where to copy the results (default: ./ecad-job-ID).")
    var output: String?
    @Flag(help: "Submit and print the job id without waiting.")
    var noWait = false

    func execute() throws(CLIError) {
        guard !prompts.isEmpty else { throw CLIError.usage("give at least one --prompt") }
        guard schedule == nil || heuristic == nil else { throw CLIError.usage("give --schedule or --heuristic, not both") }
        var fields: [(String, JSONValue)] = [
            ("model", .string(model)), ("prompts", .array(prompts.map { .string($0) })),
            ("seeds", .array((seeds.isEmpty ? [0] : seeds).map { .int($0) })),
        ]
        if let source = try scheduleSource() { fields.append(("schedule", source)) }
        if let steps { fields.append(("sampler", .object([("steps", .int(steps))]))) }
        let client = global.client
        let job = try client.submit(SubmitJobRequest(kind: .generate, spec: .object(fields), priority: nil, name: nil))
        guard !noWait else { return TerminalOutput.print(String(job.id)) }
        FileHandle.standardError.write(Data("job \(job.id) submitted\n".utf8))

        let bar = ProgressBar()
        var final = job
        try client.follow(job.id) { (page: JobEventListResponse, _) throws(CLIError) in
            guard let view = page.job else { return }
            final = view
            bar.show(view)
        }
        bar.finish()
        guard final.state == .completed else {
            let reason = final.reason.map { " (\($0))" } ?? ""
            throw CLIError.badResponse("job \(job.id) ended \(final.state.rawValue)\(reason); `ecad logs \(job.id)` shows why")
        }
        let directory = output ?? "ecad-job-\(job.id)"
        let written = try ArtifactDownloader(api: client).download(job.id, into: directory)
        TerminalOutput.print("\(written.count) files written to \(directory) (grid.png, images.json and one PNG per image)")
    }

    /// The spec's schedule source: a heuristic, a file's contents inline, or a registry reference.
    private func scheduleSource() throws(CLIError) -> JSONValue? {
        if let heuristic { return .object([("heuristic", .string(heuristic))]) }
        guard let schedule else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: schedule, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: schedule), data.count <= 512 << 10,
                let text = String(data: data, encoding: .utf8)
            else {
                throw CLIError.usage("cannot read schedule file \(schedule) (UTF-8 JSON up to 512 KiB)")
            }
            return .object([("document", .string(text))])
        }
        return .string(schedule)
    }
}
