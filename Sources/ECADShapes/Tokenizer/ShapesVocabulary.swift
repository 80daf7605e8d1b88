import Foundation

/// The word-level vocabulary of the shapes32 text encoder.
///
/// Id 0 is `<pad>`, id 1 is `<start>`, then the grammar's words in a fixed order (see `standard`).
/// Encoding lowercases, splits on whitespace, and yields `[1] + word ids`, padded with 0 to `maxTokens`.
/// The empty prompt encodes to `[<start>]` alone: the unconditional input for classifier-free guidance.
public struct ShapesVocabulary: Sendable, Hashable {
    /// The padding token, id 0.
    public static let pad = "<pad>"
    /// The start token, id 1; always present, so no sequence is all padding.
    public static let start = "<start>"

    /// The standard vocabulary of grammar version `ShapesPrompt.grammarVersion`. Never reorder: ids are baked into
    /// the trained model.
    public static let standard = ShapesVocabulary(
        unchecked: [pad, start, "a"]
            + ShapesSize.allCases.map(\.word)
            + ShapesColor.allCases.map(\.word)
            + ShapesShape.allCases.map(\.word)
            + ["at", "the", "in", "center", "top", "bottom", "left", "right", "of", "above", "on"]
            + ShapesBackground.allCases.compactMap(\.word)
            + ["background"],
        maxTokens: 16)

    /// All tokens, index = id.
    public let words: [String]
    /// Sequence length of an encoding, `<start>` included.
    public let maxTokens: Int
    private let ids: [String: Int32]

    private init(unchecked words: [String], maxTokens: Int) {
        self.words = words
        self.maxTokens = maxTokens
        var ids: [String: Int32] = [:]
        for (index, word) in words.enumerated() { ids[word] = Int32(index) }
        self.ids = ids
    }

    /// Creates a vocabulary from a list of tokens (index = id).
    /// - Throws: `ShapesError.badVocabulary` unless it starts with `<pad>`, `<start>` and has no duplicates.
    public init(words: [String], maxTokens: Int = 16) throws {
        guard words.count >= 2, words[0] == Self.pad, words[1] == Self.start else {
            throw ShapesError.badVocabulary(reason: "ids 0 and 1 must be \(Self.pad) and \(Self.start)")
        }
        guard Set(words).count == words.count else {
            throw ShapesError.badVocabulary(reason: "duplicate words")
        }
        guard maxTokens >= 1 else { throw ShapesError.badVocabulary(reason: "maxTokens must be at least 1") }
        self.init(unchecked: words, maxTokens: maxTokens)
    }

    /// The words a prompt may use (the vocabulary without the special tokens).
    public var grammarWords: [String] { Array(words.dropFirst(2)) }

    /// The id of a token, or nil if it is not in the vocabulary.
    public func id(of word: String) -> Int32? { ids[word] }

    /// Encodes a prompt's text. It need not be a grammatical prompt, but every word must be known.
    /// - Throws: `ShapesError.unknownWord` or `.tooManyTokens` (more than `maxTokens` with `<start>`).
    public func encode(_ text: String) throws -> ShapesTokens {
        let tokens = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var out: [Int32] = [1]
        for token in tokens {
            guard let id = ids[token], id > 1 else {
                throw ShapesError.unknownWord(word: token, prompt: text, vocabulary: grammarWords)
            }
            out.append(id)
        }
        guard out.count <= maxTokens else {
            throw ShapesError.tooManyTokens(prompt: text, count: out.count, limit: maxTokens)
        }
        let mask = [Float](repeating: 1, count: out.count) + [Float](repeating: 0, count: maxTokens - out.count)
        out += [Int32](repeating: 0, count: maxTokens - out.count)
        return ShapesTokens(ids: out, mask: mask)
    }

    /// The JSON export: an array of strings, index = id.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(words)
    }

    /// Reads a JSON export (an array of strings, index = id).
    /// - Throws: `ShapesError.badVocabulary` if the data is not such an array or the list is invalid.
    public static func fromJSON(_ data: Data, maxTokens: Int = 16) throws -> ShapesVocabulary {
        guard let words = try? JSONDecoder().decode([String].self, from: data) else {
            throw ShapesError.badVocabulary(reason: "expected a JSON array of strings")
        }
        return try ShapesVocabulary(words: words, maxTokens: maxTokens)
    }

    /// Reads a JSON export from a file, such as a model folder's `tokenizer/vocab.json`.
    /// - Throws: `ShapesError.badVocabulary`, naming `path`, if the file is unreadable or not a valid vocabulary.
    public static func load(path: String, maxTokens: Int = 16) throws -> ShapesVocabulary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShapesError.badVocabulary(reason: "\(path): not readable")
        }
        do {
            return try fromJSON(data, maxTokens: maxTokens)
        } catch ShapesError.badVocabulary(let reason) {
            throw ShapesError.badVocabulary(reason: "\(path): \(reason)")
        }
    }
}
