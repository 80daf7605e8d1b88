/// All parameters of a `PixArtTransformer2DModel`, checked against its config.
public struct PixArtWeights: Sendable {
    /// `pos_embed.proj` as a linear layer `[D, C*p*p]` over flattened patches.
    public var patchEmbedding: LinearWeights
    /// `adaln_single.emb.timestep_embedder.linear_1` `[D, 256]`.
    public var timestepLinear1: LinearWeights
    /// `adaln_single.emb.timestep_embedder.linear_2` `[D, D]`.
    public var timestepLinear2: LinearWeights
    /// `adaln_single.linear` `[6D, D]`.
    public var adaLNLinear: LinearWeights
    /// `caption_projection.linear_1` / `linear_2`, or nil without caption channels.
    public var captionProjection: (LinearWeights, LinearWeights)?
    /// `transformer_blocks.*`.
    public var blocks: [PixArtBlockWeights]
    /// Final `scale_shift_table` `[2, D]`.
    public var finalScaleShiftTable: Tensor
    /// `proj_out` `[p*p*Cout, D]`.
    public var projectionOut: LinearWeights

    /// Width of the sinusoidal timestep features.
    static let timestepFeatureWidth = 256

    /// Reads every tensor the config implies from `reader`.
    public init(reader: WeightReader, config: PixArtConfig) throws {
        let d = config.innerDim
        let p = config.patchSize
        let patchWidth = config.inChannels * p * p
        let convWeight = try reader.tensor("pos_embed.proj.weight", shape: [d, config.inChannels, p, p])
        patchEmbedding = LinearWeights(
            weight: convWeight.reshaped([d, patchWidth]), bias: try reader.tensor("pos_embed.proj.bias", shape: [d]))
        let timePrefix = "adaln_single.emb.timestep_embedder"
        timestepLinear1 = try reader.linear("\(timePrefix).linear_1", inputs: Self.timestepFeatureWidth, outputs: d)
        timestepLinear2 = try reader.linear("\(timePrefix).linear_2", inputs: d, outputs: d)
        adaLNLinear = try reader.linear("adaln_single.linear", inputs: d, outputs: 6 * d)
        if let captionChannels = config.captionChannels {
            captionProjection = (
                try reader.linear("caption_projection.linear_1", inputs: captionChannels, outputs: d),
                try reader.linear("caption_projection.linear_2", inputs: d, outputs: d)
            )
        }
        blocks = try (0..<config.numLayers).map { try PixArtBlockWeights(reader: reader, index: $0, config: config) }
        finalScaleShiftTable = try reader.tensor("scale_shift_table", shape: [2, d])
        projectionOut = try reader.linear("proj_out", inputs: d, outputs: p * p * config.resolvedOutChannels)
    }
}
