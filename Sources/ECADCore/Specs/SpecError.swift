/// A job spec that cannot be read: a TOML/JSON syntax error (with its line) or a field with an
/// unknown name or a bad value (with its dotted path, e.g. `search.population`).
public struct SpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of a syntax error; nil for field errors.
    public let line: Int?
    /// Dotted path of the offending field (`search.budgets.until`); nil for syntax errors.
    public let field: String?
    /// What is wrong, without the line or path.
    public let message: String

    /// A syntax error at `line`.
    public static func syntax(line: Int, _ message: String) -> SpecError {
        SpecError(line: line, field: nil, message: message)
    }

    /// A problem with the field at `path`.
    public static func field(_ path: String, _ message: String) -> SpecError {
        SpecError(line: nil, field: path, message: message)
    }

    /// A problem with the document as a whole (e.g. JSON that is not an object).
    public static func document(_ message: String) -> SpecError {
        SpecError(line: nil, field: nil, message: message)
    }

    /// `line 3: message`, `search.population: message` or just the message.
    public var description: String {
        if let line { return "line \(line): \(message)" }
        if let field { return "\(field): \(message)" }
        return message
    }
}
