extension PixArtTransformer {
    /// One block: self-attention, cross-attention and MLP, each added to the residual stream.
    ///
    /// The executor returns each component's raw output (computed now or reused); gates always come from
    /// the current step's modulation.
    /// - Parameters:
    ///   - hidden: `[B, T, D]`, updated in place.
    ///   - modulation: `[B, 6D]` from `adaln_single`.
    func runBlock<E: ComponentExecutor>(
        _ block: PixArtBlockWeights, index: Int, hidden: inout Tensor, modulation: Tensor,
        context: CaptionContext, executor: inout E
    ) {
        let b = hidden.shape[0]
        let d = config.innerDim
        let table = block.scaleShiftTable.scalars
        // chunk j of (table[None] + modulation.reshape(B, 6, D)): [B, D]
        func chunk(_ j: Int) -> Tensor {
            var scalars = [Float](repeating: 0, count: b * d)
            for sample in 0..<b {
                for i in 0..<d { scalars[sample * d + i] = table[j * d + i] + modulation.scalars[(sample * 6 + j) * d + i] }
            }
            return Tensor(shape: [b, d], scalars: scalars)
        }
        let heads = config.numAttentionHeads
        let eps = config.normEps

        // The closures read `hidden` directly (no copy): each runs before the update that follows it.
        let attention = executor.output(block: index, component: .selfAttention) {
            let x = Kernels.layerNormModulate(
                hidden, eps: eps, weight: block.norm1?.weight, bias: block.norm1?.bias, scale: chunk(1), shift: chunk(0))
            return block.selfAttention(x, context: x, heads: heads, keyBias: nil)
        }
        Kernels.addGated(&hidden, attention, gate: chunk(2))

        let cross = executor.output(block: index, component: .crossAttention) {
            block.crossAttention(hidden, context: context.states, heads: heads, keyBias: context.keyBias)
        }
        Kernels.addGated(&hidden, cross, gate: nil)

        let mlp = executor.output(block: index, component: .feedForward) {
            let x = Kernels.layerNormModulate(
                hidden, eps: eps, weight: block.norm2?.weight, bias: block.norm2?.bias, scale: chunk(4), shift: chunk(3))
            return Kernels.feedForward(x, inner: block.feedForwardIn, outer: block.feedForwardOut)
        }
        Kernels.addGated(&hidden, mlp, gate: chunk(5))
    }
}
