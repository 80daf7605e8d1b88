/// One object of a prompt. Single-object prompts give it a size and a position;
/// in two-object prompts both are nil (the relation places the objects).
public struct ShapesObject: Sendable, Hashable, Codable {
    /// The fill color.
    public var color: ShapesColor
    /// The shape kind.
    public var shape: ShapesShape
    /// The size word (single-object prompts only).
    public var size: ShapesSize?
    /// The position (single-object prompts only).
    public var position: ShapesPosition?

    /// Creates an object description.
    public init(color: ShapesColor, shape: ShapesShape, size: ShapesSize? = nil, position: ShapesPosition? = nil) {
        self.color = color
        self.shape = shape
        self.size = size
        self.position = position
    }
}
