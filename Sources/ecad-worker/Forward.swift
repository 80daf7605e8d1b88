import ArgumentParser
import ECADWorker

/// `ecad-worker forward`: one transformer call, for parity checks against diffusers.
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
