/// The kind of a transformer block, which fixes which three components its schedule slots mean.
public enum BlockType: String, CaseIterable, Hashable, Sendable, Codable {
    /// A PixArt `BasicTransformerBlock`: `self_attn`, `cross_attn`, `ff`.
    case pixart
    /// A FLUX double-stream block: `full_attn`, `full_ff`, `full_ff_context`.
    case fluxDouble = "flux_double"
    /// A FLUX single-stream block: `single_attn`, `single_proj_mlp`, `single_proj_out`.
    case fluxSingle = "flux_single"

    /// Every block type has this many component slots, so mixed layouts share one `[S][B][C]` tensor.
    public static let componentsPerBlock = 3

    /// The block's components in slot order (the order of the reference code's genome).
    public var components: [ComponentKind] {
        switch self {
        case .pixart: [.selfAttention, .crossAttention, .feedForward]
        case .fluxDouble: [.fullAttention, .fullFeedForward, .fullFeedForwardContext]
        case .fluxSingle: [.singleAttention, .singleProjectionMLP, .singleProjectionOut]
        }
    }
}
