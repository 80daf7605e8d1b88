/// A multiply-accumulate count, split into linear layers (and convolutions) and attention scores.
///
/// `attentionScores` holds the two matrix products inside attention, QKᵀ and AV (2·Nq·Nk·D per sequence).
/// The reference ECAD counter (calflops on PyTorch SDPA) counted only `linear`.
public struct MACs: Hashable, Sendable, Codable, AdditiveArithmetic {
    /// MACs of Linear and Conv layers.
    public var linear: Int
    /// MACs of the attention score (QKᵀ) and value (AV) products.
    public var attentionScores: Int

    /// Creates a count.
    public init(linear: Int, attentionScores: Int = 0) {
        self.linear = linear
        self.attentionScores = attentionScores
    }

    /// Zero MACs.
    public static var zero: MACs { MACs(linear: 0) }

    /// `linear + attentionScores`.
    public var total: Int { linear + attentionScores }

    /// `total` or `linear`, by convention.
    public func value(includingAttentionScores: Bool) -> Int { includingAttentionScores ? total : linear }

    public static func + (lhs: MACs, rhs: MACs) -> MACs {
        MACs(linear: lhs.linear + rhs.linear, attentionScores: lhs.attentionScores + rhs.attentionScores)
    }

    public static func - (lhs: MACs, rhs: MACs) -> MACs {
        MACs(linear: lhs.linear - rhs.linear, attentionScores: lhs.attentionScores - rhs.attentionScores)
    }

    /// Scales both parts by `factor` (e.g. a batch size or a block count).
    public static func * (lhs: MACs, factor: Int) -> MACs {
        MACs(linear: lhs.linear * factor, attentionScores: lhs.attentionScores * factor)
    }
}
