/// A protocol line that could not be read or written.
public struct WorkerProtocolError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The line is not valid JSON or misses envelope fields.
        case malformedLine = "malformed_line"
        /// The `v` field names a version this build does not speak.
        case unsupportedVersion = "unsupported_version"
        /// The `type` (or `of`) field is unknown, or not allowed in this direction.
        case unexpectedKind = "unexpected_kind"
        /// A field is missing or has the wrong type.
        case badField = "bad_field"
        /// The line exceeds ``WorkerProtocol/maxLineBytes``.
        case lineTooLong = "line_too_long"
    }

    /// The error class.
    public var code: Code
    /// A readable explanation naming the offending field where known.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
