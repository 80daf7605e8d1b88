/// The size words of single-object prompts. Two-object prompts carry no size word.
public enum ShapesSize: String, CaseIterable, Sendable, Hashable, Codable {
    case small, large

    /// The word used in prompts.
    public var word: String { rawValue }
}
