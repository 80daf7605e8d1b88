import Foundation

/// Where prompts come from. TOML forms: `prompts = ["a red circle", ...]` (inline),
/// `prompts = "jobs/prompts/mine.txt"` or `prompts = { file = "..." }` (a file, one prompt per line or a
/// JSON list), `prompts = { set = "calibration" }` (a named set the model ships).
public enum PromptSource: Sendable, Equatable {
    /// A named prompt set of the model (`calibration`, `benchmark`).
    case set(String)
    /// A prompt file, as the CLI resolved it.
    case file(String)
    /// Prompts written in the spec.
    case inline([String])

    /// Reads the source at `path`; an inline list is held to `limits` (its count and each prompt's bytes).
    static func read(_ value: SpecValue, _ path: String, limits: SpecLimits) throws(SpecError) -> PromptSource {
        switch value {
        case .string(let file):
            return .file(try SpecRead.nonEmptyString(.string(file), path))
        case .array:
            let prompts = try SpecRead.strings(value, path)
            guard !prompts.isEmpty else { throw .field(path, "expected at least one prompt, got []") }
            try limits.check(prompts: prompts, path: path)
            return .inline(prompts)
        case .table(let entries) where entries.count == 1:
            var fields = try SpecFields(value, path: path)
            if let name = try fields.optional("set", SpecRead.identifier) { return .set(name) }
            if let file = try fields.optional("file", SpecRead.nonEmptyString) { return .file(file) }
            try fields.finish()
            throw .field(path, "expected { set = \"...\" } or { file = \"...\" }, got \(value)")
        default:
            throw .field(path, "expected a list of prompts, a file path, { set = \"...\" } or { file = \"...\" }, got \(value)")
        }
    }

    /// The prompts of a prompt file's contents: a JSON list of strings when the first non-blank character is
    /// `[`, else one prompt per line (blank lines and lines starting with `#` skipped). Nil when the file is not
    /// UTF-8 text or not a JSON list of strings.
    public static func prompts(inFile data: Data) -> [String]? {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        if text.first(where: { !$0.isWhitespace }) == "[" {
            return try? JSONDecoder().decode([String].self, from: data)
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

}
