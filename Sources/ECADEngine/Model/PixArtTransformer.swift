import Foundation

/// A PixArt-architecture diffusion transformer computing what diffusers' `PixArtTransformer2DModel` computes.
public struct PixArtTransformer: Sendable {
    /// The model's config.
    public let config: PixArtConfig
    /// The model's parameters.
    public let weights: PixArtWeights

    /// Builds a model from a config and matching weights.
    public init(config: PixArtConfig, weights: PixArtWeights) {
        self.config = config
        self.weights = weights
    }

    /// Loads a diffusers model folder: `config.json` plus `diffusion_pytorch_model.safetensors`
    /// (or `model.safetensors`).
    public static func load(directory: String) throws -> PixArtTransformer {
        let config = try PixArtConfig.load(path: "\(directory)/config.json")
        let candidates = ["diffusion_pytorch_model.safetensors", "model.safetensors"].map { "\(directory)/\($0)" }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw EngineError.io(path: candidates[0], reason: "no safetensors weights in \(directory)")
        }
        let reader = WeightReader(tensors: try SafeTensors.read(path: file), file: file)
        return PixArtTransformer(config: config, weights: try PixArtWeights(reader: reader, config: config))
    }

    /// One plain transformer call (every component computed).
    ///
    /// - Returns: `[B, Cout, H, W]`, the `sample` diffusers returns.
    public func forward(_ input: PixArtInput) throws -> Tensor {
        try input.validate(for: config)
        let context = prepareContext(input.encoderHiddenStates, mask: input.encoderAttentionMask)
        let groups = Self.sequenceGroups(batch: input.hiddenStates.shape[0])
        var executors = groups.map { _ in AlwaysCompute() }
        return forward(
            input.hiddenStates, timesteps: input.timesteps, context: context, groups: groups, executors: &executors)
    }

    /// Projects captions and turns the mask into a key bias: `(1 - mask) * -10000`, as diffusers does.
    ///
    /// - Parameters:
    ///   - encoderHiddenStates: `[B, L, Cc]`.
    ///   - mask: `[B, L]` or nil.
    public func prepareContext(_ encoderHiddenStates: Tensor, mask: Tensor?) -> CaptionContext {
        var states = encoderHiddenStates
        if let (first, second) = weights.captionProjection {
            states = second(Kernels.geluTanh(first(states)))
        }
        let bias = mask.map { m in Tensor(shape: m.shape, scalars: m.scalars.map { (1 - $0) * -10000 }) }
        return CaptionContext(states: states, keyBias: bias)
    }

    /// The transformer on prepared captions, letting `executor` decide each block component.
    ///
    /// - Parameters:
    ///   - hiddenStates: `[B, C, H, W]`.
    ///   - timesteps: `[B]`.
    ///   - positions: `[T, D]`, ``positions(gridHeight:gridWidth:)`` for this input's patch grid.
    /// - Returns: `[B, Cout, H, W]`.
    package func forward<E: ComponentExecutor>(
        _ hiddenStates: Tensor, timesteps: [Float], context: CaptionContext, positions: Tensor, executor: inout E
    ) -> Tensor {
        let (b, height, width) = (hiddenStates.shape[0], hiddenStates.shape[2], hiddenStates.shape[3])
        let p = config.patchSize
        let (gh, gw) = (height / p, width / p)
        let d = config.innerDim
        var h = weights.patchEmbedding(Kernels.patchify(hiddenStates, patch: p))  // [B, T, D]
        Self.addPositions(&h, positions)

        let features = Kernels.timestepFeatures(
            timesteps, dimension: PixArtWeights.timestepFeatureWidth, flipSinToCos: true, downscaleFreqShift: 0)
        let embedded = weights.timestepLinear2(Kernels.silu(weights.timestepLinear1(features)))  // [B, D]
        let modulation = weights.adaLNLinear(Kernels.silu(embedded))  // [B, 6D]

        for (index, block) in weights.blocks.enumerated() {
            runBlock(block, index: index, hidden: &h, modulation: modulation, context: context, executor: &executor)
        }

        let table = weights.finalScaleShiftTable.scalars
        let shift = Tensor(shape: [b, d], scalars: (0..<(b * d)).map { table[$0 % d] + embedded.scalars[$0] })
        let scale = Tensor(shape: [b, d], scalars: (0..<(b * d)).map { table[d + $0 % d] + embedded.scalars[$0] })
        let normed = Kernels.layerNormModulate(h, eps: 1e-6, weight: nil, bias: nil, scale: scale, shift: shift)
        let out = weights.projectionOut(normed)  // [B, T, p*p*Cout]
        return Kernels.unpatchify(out, gridHeight: gh, gridWidth: gw, patch: p, channels: config.resolvedOutChannels)
    }

    /// The fixed 2-D sin-cos positions of a patch grid: `[T, D]` with `T = gridHeight * gridWidth`.
    package func positions(gridHeight: Int, gridWidth: Int) -> Tensor {
        Kernels.sinCos2D(
            dimension: config.innerDim, gridHeight: gridHeight, gridWidth: gridWidth,
            baseSize: Double(config.sampleSize / config.patchSize), interpolationScale: config.resolvedInterpolationScale)
    }

    /// Adds `positions` `[T, D]` to every sample of `h` `[B, T, D]`.
    private static func addPositions(_ h: inout Tensor, _ positions: Tensor) {
        let perSample = positions.count
        let samples = perSample == 0 ? 0 : h.count / perSample
        positions.scalars.withBase { p in
            h.scalars.withMutableBase { base in
                for sample in 0..<samples {
                    let row = base + sample * perSample
                    for i in 0..<perSample { row[i] += p[i] }
                }
            }
        }
    }
}

/// Caption states after projection, with the additive key bias from the mask.
public struct CaptionContext: Sendable {
    /// `[B, L, D]`.
    public var states: Tensor
    /// `[B, L]`: 0 for real tokens, -10000 for padding; nil without a mask.
    public var keyBias: Tensor?
}
