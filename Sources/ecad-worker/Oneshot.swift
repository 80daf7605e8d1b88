import ArgumentParser
import ECADWorker
import Foundation

/// `ecad-worker oneshot`: request files in, result files out (written by tmp + rename), for batch systems.
///
/// Either explicit pairs (`--request A --result B`, repeatable) or a folder of `request-<chunk>.json` files in
/// which this task takes every `--slots`-th one starting at `--slot` (in chunk order) and writes
/// `result-<chunk>.json` beside it: one long-lived Slurm array task per slot loads the model once.
/// Exits 0 only when every result file it was given is in place.
struct Oneshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer request files (load + evaluate lines) with result files, then exit.")
    @Option(help: "Request file (protocol command lines); repeat with --result.") var request: [String] = []
    @Option(help: "Result file for the --request at the same position.") var result: [String] = []
    @Option(help: "Folder of request-<chunk>.json files (instead of --request/--result).") var folder: String?
    @Option(help: "This task's slot (with --folder): takes chunks slot, slot+slots, ... in chunk order.") var slot: Int = 0
    @Option(help: "Number of slots (with --folder).") var slots: Int = 1
    @Option(help: "Folder of model folders, for load requests without a path.") var models: String = "models"
    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard request.count == result.count else { throw ValidationError("--request and --result must pair up") }
        guard (folder == nil) != request.isEmpty else { throw ValidationError("give either --folder or --request/--result") }
        guard slots >= 1, (0..<slots).contains(slot) else { throw ValidationError("--slot must be in 0..<--slots") }
    }

    func run() async throws {
        runtime.apply()
        let pairs: [OneshotRunner.Pair]
        if let folder {
            pairs = try OneshotFolder(path: folder).pairs(slot: slot, slots: slots)
        } else {
            pairs = zip(request, result).map { OneshotRunner.Pair(request: $0, result: $1) }
        }
        let unwritten = await OneshotRunner(modelsRoot: models).run(pairs)
        if !unwritten.isEmpty { throw ExitCode(1) }
    }
}
