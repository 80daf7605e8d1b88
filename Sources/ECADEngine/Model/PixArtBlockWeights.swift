/// Parameters of one PixArt block (diffusers `BasicTransformerBlock`, `norm_type="ada_norm_single"`).
public struct PixArtBlockWeights: Sendable {
    /// `scale_shift_table` `[6, D]`: shift/scale/gate for attention, then for the MLP.
    public var scaleShiftTable: Tensor
    /// `norm1` affine parameters `[D]` when the config has elementwise affine norms.
    public var norm1: (weight: Tensor, bias: Tensor)?
    /// `norm2` affine parameters `[D]` (PixArt applies norm2 before the MLP).
    public var norm2: (weight: Tensor, bias: Tensor)?
    /// `attn1`.
    public var selfAttention: AttentionWeights
    /// `attn2`.
    public var crossAttention: AttentionWeights
    /// `ff.net.0.proj` `[4D, D]`.
    public var feedForwardIn: LinearWeights
    /// `ff.net.2` `[D, 4D]`.
    public var feedForwardOut: LinearWeights

    /// Loads `transformer_blocks.<index>.*`.
    init(reader: WeightReader, index: Int, config: PixArtConfig) throws {
        let prefix = "transformer_blocks.\(index)"
        let d = config.innerDim
        scaleShiftTable = try reader.tensor("\(prefix).scale_shift_table", shape: [6, d])
        if config.normElementwiseAffine {
            norm1 = (try reader.tensor("\(prefix).norm1.weight", shape: [d]), try reader.tensor("\(prefix).norm1.bias", shape: [d]))
            norm2 = (try reader.tensor("\(prefix).norm2.weight", shape: [d]), try reader.tensor("\(prefix).norm2.bias", shape: [d]))
        }
        selfAttention = try AttentionWeights(
            reader: reader, prefix: "\(prefix).attn1", width: d, contextWidth: d, bias: config.attentionBias)
        crossAttention = try AttentionWeights(
            reader: reader, prefix: "\(prefix).attn2", width: d, contextWidth: config.crossAttentionDim ?? d,
            bias: config.attentionBias)
        let ffInner = reader.tensors["\(prefix).ff.net.0.proj.weight"]?.shape.first ?? 4 * d
        feedForwardIn = try reader.linear("\(prefix).ff.net.0.proj", inputs: d, outputs: ffInner)
        feedForwardOut = try reader.linear("\(prefix).ff.net.2", inputs: ffInner, outputs: d)
    }
}
