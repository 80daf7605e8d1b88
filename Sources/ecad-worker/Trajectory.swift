import ArgumentParser
import ECADWorker

/// `ecad-worker trajectory`: a guided sampling run from given noise and captions, for parity checks.
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
