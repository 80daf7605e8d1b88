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

    static func read(_ value: SpecValue, _ path: String) throws(SpecError) -> PromptSource {
        switch value {
        case .string(let file):
            return .file(try SpecRead.nonEmptyString(.string(file), path))
        case .array:
            let prompts = try SpecRead.strings(value, path)
            guard !prompts.isEmpty else { throw .field(path, "expected at least one prompt, got []") }
            return .inline(prompts)
        case .table(let entries) where entries.count == 1:
            var fields = try SpecFields(value, path: path)
            if let name = try fields.optional("set", SpecRead.nonEmptyString) { return .set(name) }
            if let file = try fields.optional("file", SpecRead.nonEmptyString) { return .file(file) }
            try fields.finish()
            throw .field(path, "expected { set = \"...\" } or { file = \"...\" }, got \(value)")
        default:
            throw .field(path, "expected a list of prompts, a file path, { set = \"...\" } or { file = \"...\" }, got \(value)")
        }
    }
}
