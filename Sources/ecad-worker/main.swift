import ArgumentParser
import ECADEngine
import ECADWorker
import Foundation

/// The native worker: one-shot debugging commands (the protocol server lands with `serve`).
@main
struct ECADWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecad-worker", abstract: "Native PixArt worker on OpenBLAS.",
        subcommands: [Forward.self, Sample.self])
}

/// Options every subcommand shares.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "OpenBLAS threads (default: ECAD_THREADS, OPENBLAS_NUM_THREADS, or all cores).")
    var threads: Int?

    func apply() {
        EngineRuntime.setThreadCount(EngineThread.threadCount(flag: threads))
    }
}

struct Forward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One transformer call: IN.safetensors -> OUT.safetensors (sample).")
    @Option(help: "diffusers PixArtTransformer2DModel folder.") var model: String
    @Option(help: "hidden_states, timestep, encoder_hidden_states, optional encoder_attention_mask.") var input: String
    @Option(help: "Where to write `sample`.") var output: String
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        let (model, input, output) = (model, input, output)
        try await EngineThread.run { try ForwardDebug.run(modelDirectory: model, input: input, output: output) }
    }
}

struct Sample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate one PNG for a prompt under a cache schedule.")
    @Option(help: "Model folder (models/shapes32 layout).") var model: String
    @Option(help: "uncached, fora:N, tgate:K, or an ecad.schedule/v1 file.") var schedule: String = "uncached"
    @Option(help: "The prompt.") var prompt: String
    @Option(help: "Noise seed.") var seed: UInt64 = 0
    @Option(help: "Output PNG path.") var out: String
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        let (model, schedule, prompt, seed, out) = (model, schedule, prompt, seed, out)
        let stats = try await EngineThread.run {
            try SampleDebug.run(modelDirectory: model, scheduleSpec: schedule, prompt: prompt, seed: seed, output: out)
        }
        FileHandle.standardError.write(Data(
            "sample: \(String(format: "%.3f", stats.seconds)) s, \(stats.executedMACs) MACs, computed \(stats.computedComponents), reused \(stats.reusedComponents), peak cache \(stats.peakCacheBytes) B\n".utf8))
    }
}
