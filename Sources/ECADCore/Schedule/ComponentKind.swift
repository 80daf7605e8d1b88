/// A cacheable component of a transformer block: one module whose raw output can be reused across steps.
///
/// Raw values are the names used in ecad schedule files and reports. ``referenceName`` gives the flag name
/// the reference ECAD code uses in its JSON (`attn1`, `attn2` for PixArt; the FLUX names are the same).
public enum ComponentKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// PixArt self-attention (`attn1`), multiplied by the current `gate_msa` after reuse.
    case selfAttention = "self_attn"
    /// PixArt cross-attention to the text tokens (`attn2`), added to the residual without a gate.
    case crossAttention = "cross_attn"
    /// PixArt feed-forward network, multiplied by the current `gate_mlp` after reuse.
    case feedForward = "ff"
    /// FLUX double-stream joint attention: image and text outputs cached together.
    case fullAttention = "full_attn"
    /// FLUX double-stream image MLP.
    case fullFeedForward = "full_ff"
    /// FLUX double-stream text (context) MLP.
    case fullFeedForwardContext = "full_ff_context"
    /// FLUX single-stream attention (q, k, v over the joint sequence; no output projection).
    case singleAttention = "single_attn"
    /// FLUX single-stream `proj_mlp` Linear, before its GELU.
    case singleProjectionMLP = "single_proj_mlp"
    /// FLUX single-stream fused `proj_out` Linear over concat[attention, MLP], before the gate.
    case singleProjectionOut = "single_proj_out"

    /// The block type this component belongs to.
    public var blockType: BlockType {
        switch self {
        case .selfAttention, .crossAttention, .feedForward: .pixart
        case .fullAttention, .fullFeedForward, .fullFeedForwardContext: .fluxDouble
        case .singleAttention, .singleProjectionMLP, .singleProjectionOut: .fluxSingle
        }
    }

    /// The flag name of this component in the reference code's schedule JSON.
    public var referenceName: String {
        switch self {
        case .selfAttention: "attn1"
        case .crossAttention: "attn2"
        default: rawValue
        }
    }

    /// Parses a component name, ecad (`self_attn`) or reference (`attn1`) spelling.
    /// - Throws: ``ECADCoreError`` of kind `unknownName` naming the bad string and the known names.
    public static func parse(_ name: String) throws(ECADCoreError) -> ComponentKind {
        if let kind = ComponentKind(rawValue: name) { return kind }
        if let kind = allCases.first(where: { $0.referenceName == name }) { return kind }
        let known = allCases.map(\.rawValue).joined(separator: ", ")
        throw ECADCoreError(.unknownName, "unknown component \(ECADCoreError.quoted(name)); known: \(known)")
    }
}
