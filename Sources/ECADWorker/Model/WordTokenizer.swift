import ECADEngine
import Foundation

/// The embedded model's word-level tokenizer: lowercase, split on whitespace, `[<start>] + word ids`,
/// padded with `<pad>` (id 0) to `maxLength`; the mask is 1 for real tokens.
public struct WordTokenizer: Sendable {
    /// Words by id (`vocab[0] == "<pad>"`, `vocab[1] == "<start>"`).
    public let vocabulary: [String]
    /// Sequence length after padding.
    public let maxLength: Int
    private let ids: [String: Int]

    /// Builds the tokenizer from its word list.
    public init(vocabulary: [String], maxLength: Int) throws {
        guard vocabulary.count >= 2, vocabulary[0] == "<pad>", vocabulary[1] == "<start>" else {
            throw WorkerError("vocabulary must start with \"<pad>\", \"<start>\"")
        }
        self.vocabulary = vocabulary
        self.maxLength = maxLength
        ids = Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads `vocab.json` (a JSON array of words).
    public static func load(path: String, maxLength: Int) throws -> WordTokenizer {
        guard let data = FileManager.default.contents(atPath: path),
            let words = try? JSONDecoder().decode([String].self, from: data)
        else { throw WorkerError("\(path): not a readable JSON array of words") }
        return try WordTokenizer(vocabulary: words, maxLength: maxLength)
    }

    /// Token ids `[maxLength]` and mask `[maxLength]` for `prompt`.
    public func encode(_ prompt: String) throws -> (ids: [Int], mask: [Float]) {
        let words = prompt.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var tokens = [1]
        for word in words {
            guard let id = ids[word] else { throw WorkerError("prompt word \"\(word)\" is not in the vocabulary") }
            tokens.append(id)
        }
        guard tokens.count <= maxLength else {
            throw WorkerError("prompt has \(words.count) words; at most \(maxLength - 1) fit")
        }
        let mask = tokens.map { _ in Float(1) } + Array(repeating: 0, count: maxLength - tokens.count)
        return (tokens + Array(repeating: 0, count: maxLength - tokens.count), mask)
    }
}
