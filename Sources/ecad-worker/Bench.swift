import ArgumentParser
import ECADWorker

/// `ecad-worker bench`: sampling time per schedule and the engine's GEMMs against bare sgemm.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time guided sampling per schedule and the engine's GEMMs against bare sgemm (JSON lines).")
    @Option(help: "diffusers PixArtTransformer2DModel folder.") var model: String
    @Option(help: "Images per run (the model batch is twice this with guidance).") var images: Int = 16
    @Option(help: "Caption tokens.") var tokens: Int = 16
    @Option(help: "Sampling steps.") var steps: Int = 20
    @Option(help: "Comma-separated schedules (uncached, fora:N, tgate:K, files).") var schedules: String = "uncached"
    @Option(help: "Runs per schedule (best reported).") var repeats: Int = 3
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        let (model, images, tokens, steps, repeats) = (model, images, tokens, steps, repeats)
        let specs = schedules.split(separator: ",").map(String.init)
        let lines = try await EngineThread.run {
            try BenchmarkDebug.run(
                modelDirectory: model, images: images, contextTokens: tokens, steps: steps, schedules: specs, repeats: repeats)
        }
        for line in lines { print(line) }
    }
}
