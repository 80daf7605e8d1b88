/// Every error of the ECADShapes module.
public enum ShapesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A prompt contains a word outside the vocabulary.
    case unknownWord(word: String, prompt: String, vocabulary: [String])
    /// A prompt's words are all known but do not follow the grammar.
    case grammar(prompt: String, expected: String, found: String?)
    /// A prompt follows the grammar but describes an invalid scene.
    case invalidPrompt(prompt: String, reason: String)
    /// A prompt has more tokens than the text encoder accepts.
    case tooManyTokens(prompt: String, count: Int, limit: Int)
    /// Pixel data whose size does not match the image dimensions.
    case badImage(reason: String)
    /// A vocabulary file that cannot be read.
    case badVocabulary(reason: String)
    /// A line of a prompt file that is not a valid prompt (line numbers start at 1).
    case badPromptLine(line: Int, message: String)

    public var description: String {
        switch self {
        case let .unknownWord(word, prompt, vocabulary):
            "unknown word '\(word)' in prompt '\(prompt)'; the vocabulary is: \(vocabulary.joined(separator: ", "))"
        case let .grammar(prompt, expected, found):
            "prompt '\(prompt)': expected \(expected), found \(found.map { "'\($0)'" } ?? "the end of the prompt")"
        case let .invalidPrompt(prompt, reason):
            "prompt '\(prompt)': \(reason)"
        case let .tooManyTokens(prompt, count, limit):
            "prompt '\(prompt)' has \(count) tokens including <start>; the limit is \(limit)"
        case let .badImage(reason):
            "bad image: \(reason)"
        case let .badVocabulary(reason):
            "bad vocabulary: \(reason)"
        case let .badPromptLine(line, message):
            "prompt file line \(line): \(message)"
        }
    }
}
