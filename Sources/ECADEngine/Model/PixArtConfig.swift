import Foundation

/// The subset of diffusers' `PixArtTransformer2DModel` config.json the engine uses.
public struct PixArtConfig: Sendable, Equatable, Codable {
    /// Attention heads per block.
    public var numAttentionHeads: Int
    /// Channels per head; the model width is `heads * headDim`.
    public var attentionHeadDim: Int
    /// Image channels in.
    public var inChannels: Int
    /// Image channels out (twice `inChannels` with a learned sigma); nil means `inChannels`.
    public var outChannels: Int?
    /// Number of transformer blocks.
    public var numLayers: Int
    /// Width of the text states the cross-attention reads (equals the model width in PixArt).
    public var crossAttentionDim: Int?
    /// Training image side in pixels (or latent pixels).
    public var sampleSize: Int
    /// Patch side.
    public var patchSize: Int
    /// Layer-norm epsilon in the blocks.
    public var normEps: Float
    /// Position-grid interpolation scale; nil means `max(sampleSize / 64, 1)`.
    public var interpolationScale: Double?
    /// Resolution/aspect-ratio conditioning; nil means `sampleSize == 128`.
    public var useAdditionalConditions: Bool?
    /// Width of the caption embeddings; nil means no caption projection.
    public var captionChannels: Int?
    /// Must be "ada_norm_single".
    public var normType: String
    /// Must be "gelu-approximate".
    public var activationFn: String
    /// Whether q/k/v projections carry biases.
    public var attentionBias: Bool
    /// Whether block layer norms carry a learned scale and shift.
    public var normElementwiseAffine: Bool

    enum CodingKeys: String, CodingKey {
        case numAttentionHeads = "num_attention_heads", attentionHeadDim = "attention_head_dim"
        case inChannels = "in_channels", outChannels = "out_channels", numLayers = "num_layers"
        case crossAttentionDim = "cross_attention_dim", sampleSize = "sample_size", patchSize = "patch_size"
        case normEps = "norm_eps", interpolationScale = "interpolation_scale"
        case useAdditionalConditions = "use_additional_conditions", captionChannels = "caption_channels"
        case normType = "norm_type", activationFn = "activation_fn", attentionBias = "attention_bias"
        case normElementwiseAffine = "norm_elementwise_affine"
    }

    /// Decodes a config, applying diffusers' defaults for absent keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        numAttentionHeads = try c.decodeIfPresent(Int.self, forKey: .numAttentionHeads) ?? 16
        attentionHeadDim = try c.decodeIfPresent(Int.self, forKey: .attentionHeadDim) ?? 72
        inChannels = try c.decodeIfPresent(Int.self, forKey: .inChannels) ?? 4
        outChannels = c.contains(.outChannels) ? try c.decodeIfPresent(Int.self, forKey: .outChannels) : 8
        numLayers = try c.decodeIfPresent(Int.self, forKey: .numLayers) ?? 28
        crossAttentionDim = c.contains(.crossAttentionDim) ? try c.decodeIfPresent(Int.self, forKey: .crossAttentionDim) : 1152
        sampleSize = try c.decodeIfPresent(Int.self, forKey: .sampleSize) ?? 128
        patchSize = try c.decodeIfPresent(Int.self, forKey: .patchSize) ?? 2
        normEps = try c.decodeIfPresent(Float.self, forKey: .normEps) ?? 1e-6
        interpolationScale = try c.decodeIfPresent(Double.self, forKey: .interpolationScale)
        useAdditionalConditions = try c.decodeIfPresent(Bool.self, forKey: .useAdditionalConditions)
        captionChannels = try c.decodeIfPresent(Int.self, forKey: .captionChannels)
        normType = try c.decodeIfPresent(String.self, forKey: .normType) ?? "ada_norm_single"
        activationFn = try c.decodeIfPresent(String.self, forKey: .activationFn) ?? "gelu-approximate"
        attentionBias = try c.decodeIfPresent(Bool.self, forKey: .attentionBias) ?? true
        normElementwiseAffine = try c.decodeIfPresent(Bool.self, forKey: .normElementwiseAffine) ?? false
    }

    /// Model width `D = heads * headDim`, `[B, T, D]`.
    public var innerDim: Int { numAttentionHeads * attentionHeadDim }
    /// Output channels after resolving the default.
    public var resolvedOutChannels: Int { outChannels ?? inChannels }
    /// True when the output carries a learned variance half (`out = 2 * in`).
    public var learnedSigma: Bool { resolvedOutChannels == 2 * inChannels }
    /// Position-grid interpolation scale after resolving the default.
    public var resolvedInterpolationScale: Double { interpolationScale ?? Double(max(sampleSize / 64, 1)) }
    /// Image tokens at the native sample size.
    public var tokenCount: Int { (sampleSize / patchSize) * (sampleSize / patchSize) }

    /// Loads and validates `config.json`.
    public static func load(path: String) throws -> PixArtConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.io(path: path, reason: "no such file or not readable")
        }
        let config: PixArtConfig
        do { config = try JSONDecoder().decode(PixArtConfig.self, from: data) } catch {
            throw EngineError.invalidConfig(path: path, reason: "\(error)")
        }
        try config.validate(path: path)
        return config
    }

    /// Refuses configs the engine does not implement.
    public func validate(path: String) throws {
        func fail(_ reason: String) -> EngineError { .invalidConfig(path: path, reason: reason) }
        guard normType == "ada_norm_single" else { throw fail("norm_type \(normType) (only ada_norm_single)") }
        guard activationFn == "gelu-approximate" else { throw fail("activation_fn \(activationFn) (only gelu-approximate)") }
        guard numAttentionHeads > 0, attentionHeadDim > 0, numLayers > 0, patchSize > 0, inChannels > 0 else {
            throw fail("heads, head dim, layers, patch size and in_channels must be positive")
        }
        guard innerDim % 4 == 0 else { throw fail("model width \(innerDim) must be divisible by 4") }
        guard sampleSize % patchSize == 0 else { throw fail("sample_size \(sampleSize) not divisible by patch_size \(patchSize)") }
        guard !(useAdditionalConditions ?? (sampleSize == 128)) else {
            throw fail("resolution/aspect-ratio conditioning (use_additional_conditions) is not supported")
        }
        guard let cross = crossAttentionDim else { throw fail("cross_attention_dim is required (blocks need cross-attention)") }
        guard captionChannels == nil || cross == innerDim else {
            throw fail("cross_attention_dim \(cross) must equal the model width \(innerDim) when captions are projected")
        }
    }
}
