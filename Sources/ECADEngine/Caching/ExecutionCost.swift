import ECADCore

extension PixArtTransformer {
    /// MACs of computing one component once for `batch` sequences of `tokens` image tokens and
    /// `contextTokens` caption tokens: linear layers, plus the two attention matmuls as `attentionScores`.
    /// Counted from the weight shapes the engine multiplies by.
    package func componentMACs(_ component: BlockComponent, batch: Int, tokens: Int, contextTokens: Int) -> MACs {
        guard let block = weights.blocks.first else { return .zero }
        let d = config.innerDim
        func linear(_ w: LinearWeights, rows: Int) -> Int { rows * w.inputs * w.outputs }
        let perSequence: MACs
        switch component {
        case .selfAttention:
            let a = block.selfAttention
            perSequence = MACs(
                linear: [a.query, a.key, a.value, a.out].reduce(0) { $0 + linear($1, rows: tokens) },
                attentionScores: 2 * tokens * tokens * d)
        case .crossAttention:
            let a = block.crossAttention
            perSequence = MACs(
                linear: linear(a.query, rows: tokens) + linear(a.out, rows: tokens)
                    + linear(a.key, rows: contextTokens) + linear(a.value, rows: contextTokens),
                attentionScores: 2 * tokens * contextTokens * d)
        case .feedForward:
            perSequence = MACs(linear: linear(block.feedForwardIn, rows: tokens) + linear(block.feedForwardOut, rows: tokens))
        }
        return perSequence * batch
    }

    /// MACs of the layers outside the blocks that run on every call (patch embedding, timestep MLP and
    /// adaLN, caption projection, final projection), for `batch` sequences.
    package func restMACs(batch: Int, tokens: Int, contextTokens: Int) -> MACs {
        let w = weights
        var total = tokens * w.patchEmbedding.inputs * w.patchEmbedding.outputs
        total += [w.timestepLinear1, w.timestepLinear2, w.adaLNLinear].reduce(0) { $0 + $1.inputs * $1.outputs }
        if let (first, second) = w.captionProjection {
            total += contextTokens * (first.inputs * first.outputs + second.inputs * second.outputs)
        }
        total += tokens * w.projectionOut.inputs * w.projectionOut.outputs
        return MACs(linear: total * batch)
    }
}
