/// Errors raised while decoding API bodies beyond what `DecodingError` reports.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body has a field the type does not know; `field` is its dotted path.
    case unknownField(String)
    /// A field has a value outside its allowed set.
    case invalidValue(field: String, message: String)

    /// A message naming the field.
    public var description: String {
        switch self {
        case .unknownField(let field): "unknown field \"\(field)\""
        case .invalidValue(let field, let message): "invalid \(field): \(message)"
        }
    }

    /// The field the error is about.
    public var field: String {
        switch self {
        case .unknownField(let field), .invalidValue(let field, _): field
        }
    }
}
