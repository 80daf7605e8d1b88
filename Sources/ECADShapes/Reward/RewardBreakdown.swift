/// The reward of one image for one prompt: a continuous total in [0, 1] and its parts, plus discrete accuracy.
///
/// Every part is in [0, 1]; parts of two-object prompts are the mean over both objects. The total is the
/// geometric mean of the parts, each floored at 0.01 (so any one wrong attribute pulls it far down).
public struct RewardBreakdown: Sendable, Hashable, Codable {
    /// Geometric mean of the parts.
    public var total: Float
    /// Observed object color against the prompt's color (CIELAB distance).
    public var color: Float
    /// Mask agreement with the prompt's shape (soft IoU) times how clearly it beats the other shapes.
    public var shape: Float
    /// Fitted radius against the nominal radius of the size word (or of pair objects).
    public var size: Float
    /// Fitted center against the prompt's anchor (single) or the relation's layout (pairs).
    public var position: Float
    /// Background color against the prompt's, times cleanliness (no stray color outside the objects).
    public var background: Float
    /// Two-object prompts: how clearly the first object is left of / above the second; nil otherwise.
    public var relation: Float?
    /// Discrete attribute accuracy, for reporting.
    public var accuracy: AttributeAccuracy

    /// The parts that enter the total, in a fixed order (relation last, when present).
    public var parts: [Float] {
        [color, shape, size, position, background] + (relation.map { [$0] } ?? [])
    }
}

/// Whether each attribute reads back as the prompt says (every object must be right).
public struct AttributeAccuracy: Sendable, Hashable, Codable {
    /// Nearest palette color of every object is the prompt's.
    public var color: Bool
    /// The best-fitting shape of every object is the prompt's.
    public var shape: Bool
    /// Single-object prompts: the fitted radius is nearer the prompt's size than the other size; nil for pairs.
    public var size: Bool?
    /// Single-object prompts: the nearest of the nine anchors is the prompt's position; nil for pairs.
    public var position: Bool?
    /// The nearest background color is the prompt's.
    public var background: Bool
    /// Two-object prompts: the objects are in the stated order along the relation's axis; nil otherwise.
    public var relation: Bool?

    /// Whether every applicable attribute is right.
    public var all: Bool {
        color && shape && size != false && position != false && background && relation != false
    }
}
