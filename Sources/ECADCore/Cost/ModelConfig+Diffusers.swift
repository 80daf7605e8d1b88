extension ModelConfig {
    /// Reads a PixArt-architecture model from a diffusers `PixArtTransformer2DModel` `config.json`.
    ///
    /// Used keys: `num_layers`, `num_attention_heads`, `attention_head_dim`, `cross_attention_dim`,
    /// `caption_channels`, `in_channels`, `out_channels` (default: `in_channels`), `patch_size`,
    /// `sample_size`, `activation_fn` (`gelu`, `gelu-approximate` or `geglu`), `ff_inner_dim`
    /// (default 4·D), `norm_type` (must be `ada_norm_single`), `use_additional_conditions`
    /// (default: `sample_size == 128`). Other keys are ignored.
    /// - Parameters:
    ///   - data: the bytes of `config.json`.
    ///   - id: the model id, e.g. `shapes32`.
    ///   - textTokens: text tokens per prompt (16 for `shapes32`).
    ///   - batch: sequences per image per call (2 = CFG).
    ///   - defaultSteps: sampler steps.
    ///   - pixelsPerSample: image pixels per transformer input pixel: 1 for pixel space (3 input channels),
    ///     8 for a latent model with an SD VAE. Nil picks 1 when `in_channels` is 3, else 8.
    /// - Throws: ``ECADCoreError`` naming the missing or bad key.
    public static func pixart(
        fromDiffusersConfig data: some Collection<UInt8>, id: String = "shapes32", textTokens: Int = 16, batch: Int = 2,
        defaultSteps: Int = 20, pixelsPerSample: Int? = nil
    ) throws(ECADCoreError) -> ModelConfig {
        let fields = try JSONFields(try JSONParser.parse(data), path: "config.json")
        let normType = try fields.optionalString("norm_type") ?? "ada_norm_single"
        guard normType == "ada_norm_single" else {
            throw ECADCoreError(.invalidValue, "config.json.norm_type: only \"ada_norm_single\" (PixArt) is supported, got \(ECADCoreError.quoted(normType))")
        }
        let heads = try fields.int("num_attention_heads", in: 1...1024)
        let headDim = try fields.int("attention_head_dim", in: 1...4096)
        let hidden = heads * headDim
        let inChannels = try fields.int("in_channels", in: 1...4096)
        let sampleSize = try fields.int("sample_size", in: 1...4096)
        let activation = try fields.optionalString("activation_fn") ?? "gelu-approximate"
        guard ["gelu", "gelu-approximate", "geglu"].contains(activation) else {
            throw ECADCoreError(.invalidValue, "config.json.activation_fn: expected gelu, gelu-approximate or geglu, got \(ECADCoreError.quoted(activation))")
        }
        var additional = sampleSize == 128
        if case .bool(let flag) = fields.optional("use_additional_conditions") { additional = flag }
        let shape = PixArtArchitecture(
            layers: try fields.int("num_layers", in: 1...4096), heads: heads, headDim: headDim,
            crossAttentionDim: try fields.optionalInt("cross_attention_dim", in: 1...65_536) ?? hidden,
            captionChannels: try fields.optionalInt("caption_channels", in: 1...65_536),
            feedForwardInnerDim: try fields.optionalInt("ff_inner_dim", in: 1...1_000_000) ?? 4 * hidden,
            gatedFeedForward: activation == "geglu", inChannels: inChannels,
            outChannels: try fields.optionalInt("out_channels", in: 1...4096) ?? inChannels,
            patchSize: try fields.optionalInt("patch_size", in: 1...256) ?? 2, sampleSize: sampleSize,
            textTokens: textTokens, additionalConditions: additional
        )
        let scale = pixelsPerSample ?? (inChannels == 3 ? 1 : 8)
        return try ModelConfig(
            id: id, architecture: .pixart(shape), resolution: try .square(sampleSize * scale), defaultSteps: defaultSteps,
            batch: batch
        )
    }
}
