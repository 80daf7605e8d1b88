/// Shapes of a PixArt-family transformer (diffusers `PixArtTransformer2DModel`, `norm_type="ada_norm_single"`).
public struct PixArtArchitecture: Hashable, Sendable {
    /// Transformer width D = heads × head dim.
    public var hiddenSize: Int { heads * headDim }
    /// Number of transformer blocks.
    public var layers: Int
    /// Attention heads.
    public var heads: Int
    /// Width of one head.
    public var headDim: Int
    /// Width of the text states that cross-attention K/V read (after the caption projection).
    public var crossAttentionDim: Int
    /// Width of the text encoder output fed to the caption projection; nil when there is no projection.
    public var captionChannels: Int?
    /// Feed-forward inner width (4·D by default).
    public var feedForwardInnerDim: Int
    /// Whether the feed-forward input projection is gated (GEGLU: D → 2·inner).
    public var gatedFeedForward: Bool
    /// Input channels of the patch embedding.
    public var inChannels: Int
    /// Output channels of the final layer per pixel (8 with learned sigma).
    public var outChannels: Int
    /// Patch size p of the patch embedding.
    public var patchSize: Int
    /// Side of the transformer input (latent or pixel grid).
    public var sampleSize: Int
    /// Text tokens per prompt (T5 `max_sequence_length`, or the embedded model's fixed length).
    public var textTokens: Int
    /// Whether resolution and aspect-ratio embeddings are added to the timestep embedding.
    public var additionalConditions: Bool

    /// Image tokens N = (sample / patch)².
    public var imageTokens: Int { (sampleSize / patchSize) * (sampleSize / patchSize) }

    /// The 256-px PixArt-α / PixArt-Σ XL-2 transformer: 28 blocks, D = 1152, 16 heads, T5 4096 → 1152,
    /// latent 4×32×32, patch 2 (256 tokens), 120 text tokens, learned sigma (8 output channels).
    public static let xl2At256 = PixArtArchitecture(
        layers: 28, heads: 16, headDim: 72, crossAttentionDim: 1152, captionChannels: 4096, feedForwardInnerDim: 4608,
        gatedFeedForward: false, inChannels: 4, outChannels: 8, patchSize: 2, sampleSize: 32, textTokens: 120,
        additionalConditions: false
    )

    /// The embedded `shapes32` transformer (models/shapes32/transformer/config.json): 6 blocks, D = 128, 4 heads,
    /// caption 128 → 128, pixel space 3×32×32, patch 2 (256 tokens), 16 text tokens, no learned sigma.
    public static let shapes32 = PixArtArchitecture(
        layers: 6, heads: 4, headDim: 32, crossAttentionDim: 128, captionChannels: 128, feedForwardInnerDim: 512,
        gatedFeedForward: false, inChannels: 3, outChannels: 3, patchSize: 2, sampleSize: 32, textTokens: 16,
        additionalConditions: false
    )
}
