/// Why `ecad prompts import` could not make a prompt file; printed as `Error: <message>` (exit status 1).
struct PromptImportError: Error, CustomStringConvertible {
    /// What went wrong, naming the file and, where there is one, the line, key or column.
    let description: String

    init(_ description: String) { self.description = description }
}
