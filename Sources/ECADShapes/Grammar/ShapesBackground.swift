/// The background colors. `black` is the default and has no phrase; the others are written
/// "on a <word> background". The order of the cases is fixed.
public enum ShapesBackground: String, CaseIterable, Sendable, Hashable, Codable {
    case black, gray, navy, brown

    /// The word used in prompts, or nil for the default (black), which is never written.
    public var word: String? { self == .black ? nil : rawValue }

    /// The sRGB value the renderer paints.
    public var rgb: ShapesRGB {
        switch self {
        case .black: ShapesRGB(0, 0, 0)
        case .gray: ShapesRGB(105, 105, 105)
        case .navy: ShapesRGB(20, 25, 75)
        case .brown: ShapesRGB(85, 50, 25)
        }
    }
}
