/// Shapes of a FLUX.1 transformer (diffusers `FluxTransformer2DModel`).
public struct FluxArchitecture: Hashable, Sendable {
    /// Transformer width D = heads × head dim.
    public var hiddenSize: Int { heads * headDim }
    /// Double-stream blocks.
    public var doubleLayers: Int
    /// Single-stream blocks.
    public var singleLayers: Int
    /// Attention heads.
    public var heads: Int
    /// Width of one head.
    public var headDim: Int
    /// MLP width = `mlpRatio` × D.
    public var mlpRatio: Int
    /// Channels of a packed latent token (16 latent channels × 2×2).
    public var inChannels: Int
    /// Output channels per token.
    public var outChannels: Int
    /// Image tokens: (H/16)·(W/16).
    public var imageTokens: Int
    /// Text (T5) tokens.
    public var textTokens: Int
    /// T5 width fed to the context embedder.
    public var jointAttentionDim: Int
    /// CLIP pooled width fed to the text embedder.
    public var pooledProjectionDim: Int
    /// Whether a guidance-scale embedding is added (FLUX.1-dev).
    public var guidanceEmbeds: Bool

    /// FLUX.1-dev at 256×256: 19 double + 38 single blocks, D = 3072 (24 × 128), 256 image tokens,
    /// 512 text tokens.
    public static let dev256 = FluxArchitecture(
        doubleLayers: 19, singleLayers: 38, heads: 24, headDim: 128, mlpRatio: 4, inChannels: 64, outChannels: 64,
        imageTokens: 256, textTokens: 512, jointAttentionDim: 4096, pooledProjectionDim: 768, guidanceEmbeds: true
    )
}
