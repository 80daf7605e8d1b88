import ECADEngine

/// `ecad-worker forward`: one plain transformer call from a safetensors file of inputs.
public enum ForwardDebug {
    /// Reads `hidden_states`, `timestep`, `encoder_hidden_states` and optional `encoder_attention_mask` from
    /// `input`, runs the model in `modelDirectory`, and writes `sample` to `output`.
    public static func run(modelDirectory: String, input: String, output: String) throws {
        let model = try PixArtTransformer.load(directory: modelDirectory)
        let tensors = try SafeTensors.read(path: input)
        func required(_ name: String) throws -> Tensor {
            guard let tensor = tensors[name] else { throw WorkerError("\(input): tensor '\(name)' is missing") }
            return tensor
        }
        let hidden = try required("hidden_states")
        var timesteps = try required("timestep").scalars
        if timesteps.count == 1, let batch = hidden.shape.first { timesteps = Array(repeating: timesteps[0], count: batch) }
        let sample = try model.forward(PixArtInput(
            hiddenStates: hidden, timesteps: timesteps, encoderHiddenStates: try required("encoder_hidden_states"),
            encoderAttentionMask: tensors["encoder_attention_mask"]))
        try SafeTensors.write(["sample": sample], to: output)
    }
}
