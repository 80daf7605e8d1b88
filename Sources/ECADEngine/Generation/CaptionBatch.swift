/// Caption embeddings for a batch of prompts, before the model's caption projection.
public struct CaptionBatch: Sendable {
    /// `[N, L, Cc]`.
    public var states: Tensor
    /// `[N, L]` (1 = real token, 0 = padding) or nil for unpadded captions.
    public var mask: Tensor?

    /// Bundles states and mask.
    public init(states: Tensor, mask: Tensor?) {
        self.states = states
        self.mask = mask
    }

    /// Prompts in the batch.
    public var count: Int { states.shape.first ?? 0 }

    /// Stacks batches along the batch axis (a missing mask counts as all ones).
    public static func stacked(_ parts: [CaptionBatch]) -> CaptionBatch {
        let states = Tensor.concatenate(outer: parts.map(\.states))
        guard parts.contains(where: { $0.mask != nil }) else { return CaptionBatch(states: states, mask: nil) }
        let masks = parts.map { $0.mask ?? Tensor(repeating: 1, shape: [$0.states.shape[0], $0.states.shape[1]]) }
        return CaptionBatch(states: states, mask: Tensor.concatenate(outer: masks))
    }
}

/// What a sampling run cost.
public struct RunStatistics: Sendable, Equatable {
    /// MACs of every layer that executed, over all steps, at the run's model batch (2N with guidance).
    public var executedMACs: Int
    /// The same, attention matmuls excluded (the reference's linear-layer count).
    public var executedLinearMACs: Int
    /// Block components computed and reused.
    public var computedComponents: Int
    public var reusedComponents: Int
    /// Largest number of bytes held by stored component outputs at any time.
    public var peakCacheBytes: Int
    /// Wall-clock seconds of the sampling loop.
    public var seconds: Double
}

/// Images and the cost of producing them.
public struct GenerationResult: Sendable {
    /// Final samples `[N, Cin, H, W]`.
    public var images: Tensor
    /// Cost figures.
    public var statistics: RunStatistics
}
