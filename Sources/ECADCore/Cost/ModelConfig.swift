/// What ecad needs to know about a model to lay out and cost its schedules.
public struct ModelConfig: Hashable, Sendable {
    /// The transformer family and its shapes.
    public enum Architecture: Hashable, Sendable {
        /// PixArt-α / PixArt-Σ / the embedded `shapes32` model.
        case pixart(PixArtArchitecture)
        /// FLUX.1.
        case flux(FluxArchitecture)
    }

    /// Model id, e.g. `pixart-alpha-256`.
    public let id: String
    /// Family and shapes.
    public let architecture: Architecture
    /// Output image size.
    public let resolution: Resolution
    /// Denoising steps of the reference setup (20).
    public let defaultSteps: Int
    /// Sequences per image in one transformer call: 2 with classifier-free guidance, 1 for FLUX.1-dev
    /// (guidance-distilled).
    public let batch: Int

    /// Creates a config.
    /// - Throws: ``ECADCoreError`` for a bad id, non-positive sizes, or shapes that do not divide.
    public init(
        id: String, architecture: Architecture, resolution: Resolution, defaultSteps: Int = 20, batch: Int
    ) throws(ECADCoreError) {
        try ScheduleDocument.checkModelID(id)
        guard defaultSteps >= 1, defaultSteps <= 10_000, batch >= 1, batch <= 1024 else {
            throw ECADCoreError(.invalidValue, "model \(id): steps must be 1...10000 and batch 1...1024")
        }
        try Self.check(architecture, id: id)
        self.id = id
        self.architecture = architecture
        self.resolution = resolution
        self.defaultSteps = defaultSteps
        self.batch = batch
    }

    /// The block layout of this model's schedules.
    public var layout: BlockLayout {
        switch architecture {
        case .pixart(let shape):
            (try? BlockLayout.pixart(blocks: shape.layers)) ?? Self.unreachableLayout()
        case .flux(let shape):
            (try? BlockLayout.flux(doubleBlocks: shape.doubleLayers, singleBlocks: shape.singleLayers)) ?? Self.unreachableLayout()
        }
    }

    /// An all-compute schedule for this model.
    public func uncachedSchedule(steps: Int? = nil) throws(ECADCoreError) -> Schedule {
        try Schedule(steps: steps ?? defaultSteps, layout: layout, filled: true)
    }

    private static func unreachableLayout() -> BlockLayout {
        preconditionFailure("layer counts were validated in init")
    }

    private static func check(_ architecture: Architecture, id: String) throws(ECADCoreError) {
        let sizes: [Int]
        switch architecture {
        case .pixart(let s):
            sizes = [s.layers, s.heads, s.headDim, s.crossAttentionDim, s.captionChannels ?? 1, s.feedForwardInnerDim,
                     s.inChannels, s.outChannels, s.patchSize, s.sampleSize, s.textTokens]
            guard s.sampleSize % max(s.patchSize, 1) == 0 else {
                throw ECADCoreError(.invalidValue, "model \(id): sample size \(s.sampleSize) is not a multiple of patch size \(s.patchSize)")
            }
        case .flux(let s):
            sizes = [s.doubleLayers, s.singleLayers, s.heads, s.headDim, s.mlpRatio, s.inChannels, s.outChannels,
                     s.imageTokens, s.textTokens, s.jointAttentionDim, s.pooledProjectionDim]
        }
        guard sizes.allSatisfy({ (1...1_000_000).contains($0) }), sizes[0] <= 4096 else {
            throw ECADCoreError(.invalidValue, "model \(id): every size must be positive (and layers at most 4096)")
        }
    }
}
