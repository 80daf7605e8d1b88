/// The one error type of ECADCore: what was wrong with an input, and where.
///
/// Every throwing API in this module throws it. `description` is a complete sentence meant for a user,
/// naming the offending field, file part or parameter.
public struct ECADCoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Broad category of an error, for callers that map errors to exit codes or HTTP statuses.
    public enum Kind: String, Hashable, Sendable {
        /// Dimensions or bit counts that do not fit together.
        case invalidShape = "invalid_shape"
        /// Text that is not JSON, or JSON nested too deeply.
        case invalidJSON = "invalid_json"
        /// A JSON document whose structure or values do not match the format.
        case invalidDocument = "invalid_document"
        /// A name (component, model, heuristic, parameter) that is not known.
        case unknownName = "unknown_name"
        /// A value outside its allowed range.
        case invalidValue = "invalid_value"
    }

    /// The category of the error.
    public let kind: Kind
    /// A human-readable explanation naming what is wrong.
    public let message: String

    /// Creates an error of `kind` with a message for the user.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

extension ECADCoreError {
    /// Quotes an untrusted string for an error message: at most 64 characters, control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(64) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if text.unicodeScalars.count > 64 { out += "…" }
        return "\"\(out)\""
    }
}
