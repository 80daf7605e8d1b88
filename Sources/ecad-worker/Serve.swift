import ArgumentParser
import ECADWorker

/// `ecad-worker serve` (the default): the worker protocol on stdin/stdout.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Speak the worker protocol (JSON lines) on stdin/stdout.")
    @Option(help: "Folder of model folders, for load requests without a path.") var models: String = "models"
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        await WorkerServer(modelsRoot: models).run()
    }
}
