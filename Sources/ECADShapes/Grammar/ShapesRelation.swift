/// The spatial relation of a two-object prompt: "A left of B" or "A above B".
public enum ShapesRelation: String, CaseIterable, Sendable, Hashable, Codable {
    /// The first object is to the left of the second ("left of").
    case leftOf
    /// The first object is above the second ("above").
    case above

    /// The words used in prompts.
    public var words: [String] {
        switch self {
        case .leftOf: ["left", "of"]
        case .above: ["above"]
        }
    }
}
