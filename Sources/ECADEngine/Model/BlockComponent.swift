/// The cacheable components of a PixArt block, in execution order (DESIGN.md section 1).
public enum BlockComponent: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// `attn1`: self-attention; its output is scaled by the current `gate_msa`.
    case selfAttention = 0
    /// `attn2`: cross-attention over the caption; added to the residual without a gate.
    case crossAttention = 1
    /// `ff`: the GELU-tanh MLP; its output is scaled by the current `gate_mlp`.
    case feedForward = 2

    /// The reference code's name: `self_attn`, `cross_attn`, `ff`.
    public var description: String {
        switch self {
        case .selfAttention: "self_attn"
        case .crossAttention: "cross_attn"
        case .feedForward: "ff"
        }
    }
}

/// Decides, per block and component, whether a forward pass computes a component or reuses a stored
/// raw output. The plain forward pass uses ``AlwaysCompute``.
package protocol ComponentExecutor {
    /// Returns the raw component output (before gate and residual) for `block`, calling `compute` when it
    /// must be computed.
    mutating func output(block: Int, component: BlockComponent, compute: () -> Tensor) -> Tensor
}

/// An executor that computes every component.
package struct AlwaysCompute: ComponentExecutor {
    package init() {}
    package mutating func output(block: Int, component: BlockComponent, compute: () -> Tensor) -> Tensor {
        compute()
    }
}
