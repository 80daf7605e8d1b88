@testable import ECADEngine

/// An independent FORA computation for the cache tests: the whole transformer written out again from the
/// weights with kernels, keeping every raw component output from the last computing step in a plain array
/// and, on reuse steps, gating the stored output with the current step's modulation.
struct ReferenceFORA {
    let model: PixArtTransformer
    let every: Int
    private var stored: [[Tensor?]]

    init(model: PixArtTransformer, every: Int) {
        self.model = model
        self.every = every
        stored = Array(repeating: [nil, nil, nil], count: model.config.numLayers)
    }

    /// `row j` of `table [6, D] + modulation.reshape(B, 6, D)` as `[B, D]`.
    private static func chunk(_ table: Tensor, _ modulation: Tensor, _ j: Int, parts: Int, batch: Int) -> Tensor {
        let d = table.lastDimension
        var s: [Float] = []
        for b in 0..<batch { for i in 0..<d { s.append(table.scalars[j * d + i] + modulation.scalars[(b * parts + j) * d + i]) } }
        return Tensor(shape: [batch, d], scalars: s)
    }

    mutating func forward(_ x: Tensor, timestep: Float, captions: CaptionBatch, step: Int) -> Tensor {
        let c = model.config
        let w = model.weights
        let (b, p, d) = (x.shape[0], c.patchSize, c.innerDim)
        let (gh, gw) = (x.shape[2] / p, x.shape[3] / p)
        var h = w.patchEmbedding(Kernels.patchify(x, patch: p))
        let pos = Kernels.sinCos2D(dimension: d, gridHeight: gh, gridWidth: gw, baseSize: Double(c.sampleSize / p), interpolationScale: 1)
        for i in 0..<h.count { h.scalars[i] += pos.scalars[i % pos.count] }
        let features = Kernels.timestepFeatures(Array(repeating: timestep, count: b), dimension: 256, flipSinToCos: true, downscaleFreqShift: 0)
        let embedded = w.timestepLinear2(Kernels.silu(w.timestepLinear1(features)))
        let modulation = w.adaLNLinear(Kernels.silu(embedded))
        var context = captions.states
        if let (l1, l2) = w.captionProjection { context = l2(Kernels.geluTanh(l1(context))) }
        let bias = captions.mask.map { Tensor(shape: $0.shape, scalars: $0.scalars.map { (1 - $0) * -10000 }) }
        let compute = step % every == 0
        for (i, block) in w.blocks.enumerated() {
            let m = { (j: Int) in Self.chunk(block.scaleShiftTable, modulation, j, parts: 6, batch: b) }
            if compute {
                let x1 = Kernels.modulate(Kernels.layerNorm(h, eps: c.normEps), scale: m(1), shift: m(0))
                stored[i][0] = block.selfAttention(x1, context: x1, heads: c.numAttentionHeads, keyBias: nil)
            }
            h = add(h, stored[i][0], gate: m(2))
            if compute { stored[i][1] = block.crossAttention(h, context: context, heads: c.numAttentionHeads, keyBias: bias) }
            h = add(h, stored[i][1], gate: nil)
            if compute {
                let x3 = Kernels.modulate(Kernels.layerNorm(h, eps: c.normEps), scale: m(4), shift: m(3))
                stored[i][2] = block.feedForwardOut(Kernels.geluTanh(block.feedForwardIn(x3)))
            }
            h = add(h, stored[i][2], gate: m(5))
        }
        let shift = Self.chunk(w.finalScaleShiftTable, embedded, 0, parts: 1, batch: b)
        let finalTable = Tensor(shape: [1, d], scalars: Array(w.finalScaleShiftTable.scalars[d..<(2 * d)]))
        let scale = Self.chunk(finalTable, embedded, 0, parts: 1, batch: b)
        let out = w.projectionOut(Kernels.modulate(Kernels.layerNorm(h, eps: 1e-6), scale: scale, shift: shift))
        return Kernels.unpatchify(out, gridHeight: gh, gridWidth: gw, patch: p, channels: c.resolvedOutChannels)
    }

    private func add(_ h: Tensor, _ y: Tensor?, gate: Tensor?) -> Tensor {
        guard let y else { preconditionFailure("reference cache empty") }
        let (b, t, d) = (h.shape[0], h.shape[1], h.shape[2])
        var out = h
        for i in 0..<(b * t * d) { out.scalars[i] += (gate?.scalars[(i / (t * d)) * d + i % d] ?? 1) * y.scalars[i] }
        return out
    }
}
