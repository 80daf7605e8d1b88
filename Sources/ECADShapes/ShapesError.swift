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
        case .unknownWord(let word, let prompt, let vocabulary):
            "unknown word '\(word)' in prompt '\(prompt)'; the vocabulary is: \(vocabulary.joined(separator: ", "))"
        case .grammar(let prompt, let expected, let found):
            "prompt '\(prompt)': expected \(expected), found \(found.map { "'\($0)'" } ?? "the end of the prompt")"
        case .invalidPrompt(let prompt, let reason):
            "prompt '\(prompt)': \(reason)"
        case .tooManyTokens(let prompt, let count, let limit):
            "prompt '\(prompt)' has \(count) tokens including <start>; the limit is \(limit)"
        case .badImage(let reason):
            "bad image: \(reason)"
        case .badVocabulary(let reason):
            "bad vocabulary: \(reason)"
        case .badPromptLine(let line, let message):
            "prompt file line \(line): \(message)"
        }
    }
}
