/// An encoded prompt: `maxTokens` ids and a mask, ready for the text encoder (`[T]` each).
public struct ShapesTokens: Sendable, Hashable {
    /// Token ids, `[T]`: `<start>` (1), the word ids, then `<pad>` (0).
    public var ids: [Int32]
    /// Attention mask, `[T]`: 1 for real tokens (including `<start>`), 0 for padding.
    public var mask: [Float]

    /// Creates an encoding from ids and mask.
    public init(ids: [Int32], mask: [Float]) {
        self.ids = ids
        self.mask = mask
    }
}
