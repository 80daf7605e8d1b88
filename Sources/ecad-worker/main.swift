import ArgumentParser
import ECADEngine
import ECADWorker
import Foundation

/// The native worker: the protocol server (`serve`) and one-shot debugging commands.
@main
struct ECADWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecad-worker", abstract: "Native PixArt worker (AVX2 kernels, OpenBLAS where the CPU lacks AVX2 or ECAD_KERNELS=blas).",
        subcommands: [Serve.self, Forward.self, Sample.self, Trajectory.self, Bench.self],
        defaultSubcommand: Serve.self)
}

/// Options every subcommand shares.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "Engine threads (default: ECAD_THREADS, OPENBLAS_NUM_THREADS, or all cores).")
    var threads: Int?

    func apply() {
        EngineRuntime.keepActivationMemory()
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

struct Trajectory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A guided sampling run from given noise and captions (IN: noise, cond_states, uncond_states, masks).")
    @Option(help: "diffusers PixArtTransformer2DModel folder.") var model: String
    @Option(help: "scheduler_config.json.") var scheduler: String
    @Option(help: "Input safetensors.") var input: String
    @Option(help: "Output safetensors (images, executed_macs, peak_cache_bytes).") var output: String
    @Option(help: "dpmpp_2m, ddim or flow_euler.") var sampler: String = "dpmpp_2m"
    @Option(help: "Sampling steps.") var steps: Int = 20
    @Option(help: "Classifier-free guidance scale.") var guidance: Float = 4.5
    @Option(help: "uncached, fora:N, tgate:K, or an ecad.schedule/v1 file.") var schedule: String = "uncached"
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        let (model, scheduler, input, output, sampler) = (model, scheduler, input, output, sampler)
        let (steps, guidance, schedule) = (steps, guidance, schedule)
        _ = try await EngineThread.run {
            try TrajectoryDebug.run(
                modelDirectory: model, schedulerConfig: scheduler, input: input, output: output, sampler: sampler,
                steps: steps, guidanceScale: guidance, scheduleSpec: schedule)
        }
    }
}

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

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Speak the worker protocol (JSON lines) on stdin/stdout.")
    @Option(help: "Folder of model folders, for load requests without a path.") var models: String = "models"
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        await WorkerServer(modelsRoot: models).run()
    }
}
