extension CostModel {
    /// Per-sequence MACs of one component computation, or nil if the model has no such component.
    func perSequenceComponent(_ kind: ComponentKind) -> MACs? {
        switch config.architecture {
        case .pixart(let s): Self.pixartComponent(kind, s)
        case .flux(let s): Self.fluxComponent(kind, s)
        }
    }

    /// Per-sequence MACs of the parts of a step that always run.
    var perSequenceRest: [(name: String, macs: MACs)] {
        switch config.architecture {
        case .pixart(let s): Self.pixartRest(s)
        case .flux(let s): Self.fluxRest(s)
        }
    }

    /// MACs of a timestep embedding MLP: sinusoid(256) → D → D.
    private static func timestepMLP(_ width: Int, out: Int) -> Int { 256 * width + width * out }

    private static func pixartComponent(_ kind: ComponentKind, _ s: PixArtArchitecture) -> MACs? {
        let d = s.hiddenSize
        let n = s.imageTokens
        let l = s.textTokens
        switch kind {
        case .selfAttention:
            // q, k, v and out projections; scores N×N per head over D.
            return MACs(linear: 4 * n * d * d, attentionScores: 2 * n * n * d)
        case .crossAttention:
            // q and out over image tokens; k and v over text tokens from the cross-attention width.
            return MACs(linear: 2 * n * d * d + 2 * l * s.crossAttentionDim * d, attentionScores: 2 * n * l * d)
        case .feedForward:
            let inner = s.feedForwardInnerDim
            return MACs(linear: n * d * inner * (s.gatedFeedForward ? 2 : 1) + n * inner * d)
        default:
            return nil
        }
    }

    private static func pixartRest(_ s: PixArtArchitecture) -> [(name: String, macs: MACs)] {
        let d = s.hiddenSize
        let n = s.imageTokens
        let p2 = s.patchSize * s.patchSize
        var timestep = timestepMLP(d, out: d) + d * 6 * d
        if s.additionalConditions { timestep += 2 * timestepMLP(d / 3, out: d / 3) }
        var parts: [(String, MACs)] = [("patch_embed", MACs(linear: n * s.inChannels * p2 * d)), ("adaln_single", MACs(linear: timestep))]
        if let caption = s.captionChannels {
            parts.append(("caption_projection", MACs(linear: s.textTokens * (caption * d + d * d))))
        }
        parts.append(("final_layer", MACs(linear: n * d * p2 * s.outChannels)))
        return parts
    }

    private static func fluxComponent(_ kind: ComponentKind, _ s: FluxArchitecture) -> MACs? {
        let d = s.hiddenSize
        let image = s.imageTokens
        let text = s.textTokens
        let joint = image + text
        let mlp = s.mlpRatio * d
        switch kind {
        case .fullAttention:
            // q, k, v, out for each stream; scores over the joint sequence.
            return MACs(linear: 4 * joint * d * d, attentionScores: 2 * joint * joint * d)
        case .fullFeedForward: return MACs(linear: 2 * image * d * mlp)
        case .fullFeedForwardContext: return MACs(linear: 2 * text * d * mlp)
        case .singleAttention: return MACs(linear: 3 * joint * d * d, attentionScores: 2 * joint * joint * d)
        case .singleProjectionMLP: return MACs(linear: joint * d * mlp)
        case .singleProjectionOut: return MACs(linear: joint * (d + mlp) * d)
        default: return nil
        }
    }

    private static func fluxRest(_ s: FluxArchitecture) -> [(name: String, macs: MACs)] {
        let d = s.hiddenSize
        var embed = timestepMLP(d, out: d) + (s.pooledProjectionDim * d + d * d)
        if s.guidanceEmbeds { embed += timestepMLP(d, out: d) }
        return [
            ("x_embedder", MACs(linear: s.imageTokens * s.inChannels * d)),
            ("context_embedder", MACs(linear: s.textTokens * s.jointAttentionDim * d)),
            ("time_text_embed", MACs(linear: embed)),
            // AdaLayerNormZero (6D) for each stream of a double block; AdaLayerNormZeroSingle (3D) per single block.
            ("block_modulation", MACs(linear: s.doubleLayers * 2 * 6 * d * d + s.singleLayers * 3 * d * d)),
            ("norm_out", MACs(linear: 2 * d * d)),
            ("proj_out", MACs(linear: s.imageTokens * d * s.outChannels)),
        ]
    }
}
