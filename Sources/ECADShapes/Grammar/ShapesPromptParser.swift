/// Recursive-descent parser for the grammar documented on `ShapesPrompt`.
struct ShapesPromptParser {
    private let text: String
    private let tokens: [String]
    private var cursor = 0

    init(text: String) {
        self.text = text
        self.tokens = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    mutating func parse() throws -> ShapesPrompt {
        let vocabulary = ShapesVocabulary.standard
        if let unknown = tokens.first(where: { vocabulary.id(of: $0) == nil || $0.hasPrefix("<") }) {
            throw ShapesError.unknownWord(word: unknown, prompt: text, vocabulary: vocabulary.grammarWords)
        }
        try expect("a")
        let size = parseEnum(ShapesSize.self)
        let first = try parseObject()
        var objects: [ShapesObject]
        var relation: ShapesRelation?
        if let parsed = parseRelation() {
            guard size == nil else {
                throw ShapesError.invalidPrompt(prompt: text, reason: "objects of a two-object prompt take no size")
            }
            try expect("a")
            if parseEnum(ShapesSize.self) != nil {
                throw ShapesError.invalidPrompt(prompt: text, reason: "objects of a two-object prompt take no size")
            }
            let second = try parseObject()
            objects = [ShapesObject(color: first.0, shape: first.1), ShapesObject(color: second.0, shape: second.1)]
            relation = parsed
        } else {
            guard let size else { throw grammarError("a size (small, large)", at: 1) }
            let position = try parsePosition()
            objects = [ShapesObject(color: first.0, shape: first.1, size: size, position: position)]
        }
        let background = try parseBackground()
        if cursor < tokens.count { throw grammarError("the end of the prompt or 'on a ... background'") }
        return try ShapesPrompt(objects: objects, relation: relation, background: background)
    }

    private var current: String? { cursor < tokens.count ? tokens[cursor] : nil }

    private func grammarError(_ expected: String, at index: Int? = nil) -> ShapesError {
        let at = index ?? cursor
        return .grammar(prompt: text, expected: expected, found: at < tokens.count ? tokens[at] : nil)
    }

    private mutating func expect(_ word: String) throws {
        guard current == word else { throw grammarError("'\(word)'") }
        cursor += 1
    }

    private mutating func parseEnum<T: RawRepresentable & CaseIterable>(_: T.Type) -> T? where T.RawValue == String {
        guard let word = current, let value = T(rawValue: word) else { return nil }
        cursor += 1
        return value
    }

    private mutating func parseObject() throws -> (ShapesColor, ShapesShape) {
        guard let color = parseEnum(ShapesColor.self) else {
            throw grammarError("a color (\(ShapesColor.allCases.map(\.word).joined(separator: ", ")))")
        }
        guard let shape = parseEnum(ShapesShape.self) else {
            throw grammarError("a shape (\(ShapesShape.allCases.map(\.word).joined(separator: ", ")))")
        }
        return (color, shape)
    }

    private mutating func parseRelation() -> ShapesRelation? {
        for relation in ShapesRelation.allCases where matches(relation.words) {
            cursor += relation.words.count
            return relation
        }
        return nil
    }

    private func matches(_ words: [String]) -> Bool {
        cursor + words.count <= tokens.count && Array(tokens[cursor..<cursor + words.count]) == words
    }

    private mutating func parsePosition() throws -> ShapesPosition {
        // Longest phrase first, so "at the top left" wins over "at the top".
        let phrases = ShapesPosition.allCases.sorted { $0.phrase.count > $1.phrase.count }
        for position in phrases where matches(position.phrase) {
            cursor += position.phrase.count
            return position
        }
        throw grammarError("a position ('in the center', 'at the top left', 'at the left', ...) or 'left of'/'above'")
    }

    private mutating func parseBackground() throws -> ShapesBackground {
        guard current == "on" else { return .black }
        try expect("on")
        try expect("a")
        let named = ShapesBackground.allCases.filter { $0.word != nil }
        guard let word = current, let background = named.first(where: { $0.word == word }) else {
            throw grammarError("a background color (\(named.compactMap(\.word).joined(separator: ", ")))")
        }
        cursor += 1
        try expect("background")
        return background
    }
}
