/// An sRGB color with 8-bit channels.
public struct ShapesRGB: Sendable, Hashable, Codable {
    /// Red channel, 0...255.
    public var r: UInt8
    /// Green channel, 0...255.
    public var g: UInt8
    /// Blue channel, 0...255.
    public var b: UInt8

    /// Creates a color from its three channels.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }
}

/// The object colors of the shapes32 grammar, chosen far apart in CIELAB.
///
/// The order of the cases is part of the vocabulary and of the held-out rule: never reorder.
public enum ShapesColor: String, CaseIterable, Sendable, Hashable, Codable {
    case red, green, blue, yellow, purple, orange, white, cyan

    /// The word used in prompts.
    public var word: String { rawValue }

    /// The sRGB value the renderer paints.
    public var rgb: ShapesRGB {
        switch self {
        case .red: ShapesRGB(230, 30, 35)
        case .green: ShapesRGB(35, 190, 45)
        case .blue: ShapesRGB(40, 80, 245)
        case .yellow: ShapesRGB(245, 225, 30)
        case .purple: ShapesRGB(165, 45, 215)
        case .orange: ShapesRGB(250, 140, 20)
        case .white: ShapesRGB(245, 245, 245)
        case .cyan: ShapesRGB(30, 220, 230)
        }
    }
}
