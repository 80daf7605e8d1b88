import Foundation

/// Prompt files: one prompt per line; blank lines and lines starting with `#` are ignored.
public enum ShapesPromptFile {
    /// Parses a prompt file's text.
    /// - Throws: `ShapesError.badPromptLine` naming the first bad line.
    public static func parse(_ text: String) throws -> [ShapesPrompt] {
        var prompts: [ShapesPrompt] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                prompts.append(try ShapesPrompt.parse(trimmed))
            } catch {
                throw ShapesError.badPromptLine(line: index + 1, message: "\(error)")
            }
        }
        return prompts
    }

    /// The text of a prompt file: canonical prompts, one per line, with an optional leading comment block.
    public static func format(_ prompts: [ShapesPrompt], header: [String] = []) -> String {
        (header.map { "# \($0)" } + prompts.map(\.description)).joined(separator: "\n") + "\n"
    }
}
