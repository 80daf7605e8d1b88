/// The nine positions of single-object prompts. The order of the cases is fixed.
public enum ShapesPosition: String, CaseIterable, Sendable, Hashable, Codable {
    case center, topLeft, topRight, bottomLeft, bottomRight, top, bottom, left, right

    /// The words after "at the" (or after "in the" for `center`).
    public var words: [String] {
        switch self {
        case .center: ["center"]
        case .topLeft: ["top", "left"]
        case .topRight: ["top", "right"]
        case .bottomLeft: ["bottom", "left"]
        case .bottomRight: ["bottom", "right"]
        case .top: ["top"]
        case .bottom: ["bottom"]
        case .left: ["left"]
        case .right: ["right"]
        }
    }

    /// The full phrase: "in the center" or "at the top left".
    public var phrase: [String] {
        self == .center ? ["in", "the", "center"] : ["at", "the"] + words
    }

    /// The grid offset: x and y in {-1, 0, 1}, with y = -1 at the top.
    public var offset: (x: Int, y: Int) {
        switch self {
        case .center: (0, 0)
        case .topLeft: (-1, -1)
        case .topRight: (1, -1)
        case .bottomLeft: (-1, 1)
        case .bottomRight: (1, 1)
        case .top: (0, -1)
        case .bottom: (0, 1)
        case .left: (-1, 0)
        case .right: (1, 0)
        }
    }

    /// The position with the given grid offset.
    public init?(offset x: Int, _ y: Int) {
        guard let match = Self.allCases.first(where: { $0.offset == (x, y) }) else { return nil }
        self = match
    }
}
