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

        let current = hidden
        let attention = executor.output(block: index, component: .selfAttention) {
            let normed = Kernels.layerNorm(current, eps: eps, weight: block.norm1?.weight, bias: block.norm1?.bias)
            let x = Kernels.modulate(normed, scale: chunk(1), shift: chunk(0))
            return block.selfAttention(x, context: x, heads: heads, keyBias: nil)
        }
        Kernels.addGated(&hidden, attention, gate: chunk(2))

        let afterSelf = hidden
        let cross = executor.output(block: index, component: .crossAttention) {
            block.crossAttention(afterSelf, context: context.states, heads: heads, keyBias: context.keyBias)
        }
        Kernels.addGated(&hidden, cross, gate: nil)

        let afterCross = hidden
        let mlp = executor.output(block: index, component: .feedForward) {
            let normed = Kernels.layerNorm(afterCross, eps: eps, weight: block.norm2?.weight, bias: block.norm2?.bias)
            let x = Kernels.modulate(normed, scale: chunk(4), shift: chunk(3))
            return block.feedForwardOut(Kernels.geluTanh(block.feedForwardIn(x)))
        }
        Kernels.addGated(&hidden, mlp, gate: chunk(5))
    }
}
