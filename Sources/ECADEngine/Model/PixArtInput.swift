/// One transformer call's inputs, as diffusers' `PixArtTransformer2DModel.forward` takes them.
public struct PixArtInput: Sendable {
    /// Noisy images `[B, C, H, W]`.
    public var hiddenStates: Tensor
    /// Diffusion timesteps `[B]` (training-time scale, e.g. 0...999).
    public var timesteps: [Float]
    /// Caption embeddings `[B, L, Cc]`.
    public var encoderHiddenStates: Tensor
    /// Caption mask `[B, L]` (1 = real token, 0 = padding) or nil for no padding.
    public var encoderAttentionMask: Tensor?

    /// Bundles the inputs.
    public init(hiddenStates: Tensor, timesteps: [Float], encoderHiddenStates: Tensor, encoderAttentionMask: Tensor?) {
        self.hiddenStates = hiddenStates
        self.timesteps = timesteps
        self.encoderHiddenStates = encoderHiddenStates
        self.encoderAttentionMask = encoderAttentionMask
    }

    /// The batch size `B`.
    public var batchSize: Int { hiddenStates.shape.first ?? 0 }

    /// Checks the shapes against `config`.
    public func validate(for config: PixArtConfig) throws {
        let s = hiddenStates.shape
        guard s.count == 4, s[1] == config.inChannels, s[2] % config.patchSize == 0, s[3] % config.patchSize == 0 else {
            throw EngineError.invalidInput(
                "hidden_states \(s) must be [B, \(config.inChannels), H, W] with H, W divisible by \(config.patchSize)")
        }
        guard timesteps.count == s[0] else {
            throw EngineError.invalidInput("timestep has \(timesteps.count) values for batch \(s[0])")
        }
        let contextWidth = config.captionChannels ?? config.crossAttentionDim ?? config.innerDim
        let e = encoderHiddenStates.shape
        guard e.count == 3, e[0] == s[0], e[2] == contextWidth else {
            throw EngineError.invalidInput("encoder_hidden_states \(e) must be [\(s[0]), L, \(contextWidth)]")
        }
        if let mask = encoderAttentionMask, mask.shape != [e[0], e[1]] {
            throw EngineError.invalidInput("encoder_attention_mask \(mask.shape) must be [\(e[0]), \(e[1])]")
        }
    }
}
