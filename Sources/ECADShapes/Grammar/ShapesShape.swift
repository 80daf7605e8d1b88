/// The shape kinds of the shapes32 grammar. The order of the cases is fixed (vocabulary, held-out rule).
public enum ShapesShape: String, CaseIterable, Sendable, Hashable, Codable {
    /// A filled disc.
    case circle
    /// A filled axis-aligned square.
    case square
    /// A filled isosceles triangle pointing up.
    case triangle
    /// A hollow circle (annulus).
    case ring

    /// The word used in prompts.
    public var word: String { rawValue }
}
