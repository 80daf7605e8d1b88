/// A parsed shapes32 prompt: one object with size and position, or two objects in a relation; plus a background.
///
/// Grammar (canonical text is `description`):
/// ```
/// prompt   := single | pair
/// single   := "a" size color shape place [bg]
/// pair     := "a" color shape relation "a" color shape [bg]
/// place    := "in the center" | "at the" ("top" | "bottom") ["left" | "right"] | "at the" ("left" | "right")
/// relation := "left of" | "above"
/// bg       := "on a" ("gray" | "navy" | "brown") "background"
/// ```
public struct ShapesPrompt: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The grammar version, recorded in render manifests. Bump it if the rendering of a prompt changes.
    public static let grammarVersion = "shapes32/1"

    /// One or two objects.
    public let objects: [ShapesObject]
    /// The relation between the two objects, nil for single-object prompts.
    public let relation: ShapesRelation?
    /// The background color.
    public let background: ShapesBackground

    /// Creates a prompt, checking that it is a valid scene.
    /// - Throws: `ShapesError.invalidPrompt` unless it is one object with size and position and no relation,
    ///   or two objects of different colors without size or position and with a relation.
    public init(objects: [ShapesObject], relation: ShapesRelation?, background: ShapesBackground = .black) throws {
        self.objects = objects
        self.relation = relation
        self.background = background
        if let reason = validationFailure() {
            throw ShapesError.invalidPrompt(prompt: description, reason: reason)
        }
    }

    /// A single-object prompt (always valid).
    public static func single(
        _ color: ShapesColor, _ shape: ShapesShape, size: ShapesSize, at position: ShapesPosition,
        background: ShapesBackground = .black
    ) -> ShapesPrompt {
        ShapesPrompt(
            unchecked: [ShapesObject(color: color, shape: shape, size: size, position: position)],
            relation: nil, background: background)
    }

    /// A two-object prompt "a <first> <relation> a <second>".
    /// - Throws: `ShapesError.invalidPrompt` if both objects have the same color.
    public static func pair(
        _ first: (ShapesColor, ShapesShape), _ relation: ShapesRelation, _ second: (ShapesColor, ShapesShape),
        background: ShapesBackground = .black
    ) throws -> ShapesPrompt {
        try ShapesPrompt(
            objects: [ShapesObject(color: first.0, shape: first.1), ShapesObject(color: second.0, shape: second.1)],
            relation: relation, background: background)
    }

    private init(unchecked objects: [ShapesObject], relation: ShapesRelation?, background: ShapesBackground) {
        self.objects = objects
        self.relation = relation
        self.background = background
    }

    /// Whether this is a one-object prompt.
    public var isSingle: Bool { objects.count == 1 }

    /// The canonical words of the prompt.
    public var words: [String] {
        var out: [String] = []
        for (index, object) in objects.enumerated() {
            if index == 1, let relation { out += relation.words }
            out.append("a")
            if let size = object.size { out.append(size.word) }
            out += [object.color.word, object.shape.word]
            if let position = object.position { out += position.phrase }
        }
        if let word = background.word { out += ["on", "a", word, "background"] }
        return out
    }

    /// The canonical text, e.g. "a small red circle at the top left on a gray background".
    public var description: String { words.joined(separator: " ") }

    /// Parses a prompt (case-insensitive, any whitespace).
    /// - Throws: `ShapesError.unknownWord` (naming the word and listing the vocabulary), `.grammar` or
    ///   `.invalidPrompt`.
    public static func parse(_ text: String) throws -> ShapesPrompt {
        var parser = ShapesPromptParser(text: text)
        return try parser.parse()
    }

    private func validationFailure() -> String? {
        switch (objects.count, relation) {
        case (1, nil):
            if objects[0].size == nil { return "a single-object prompt needs a size (small or large)" }
            if objects[0].position == nil { return "a single-object prompt needs a position" }
            return nil
        case (2, .some):
            if objects.contains(where: { $0.size != nil || $0.position != nil }) {
                return "objects of a two-object prompt take no size or position"
            }
            if objects[0].color == objects[1].color { return "the two objects must have different colors" }
            return nil
        case (1, .some):
            return "a relation needs two objects"
        case (2, nil):
            return "two objects need a relation (left of, above)"
        default:
            return "a prompt has one or two objects, not \(objects.count)"
        }
    }
}
