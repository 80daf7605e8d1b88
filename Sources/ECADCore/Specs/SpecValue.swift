import Foundation

/// A JSON-like value tree: what a TOML or JSON job spec parses into and what `--set` overrides edit.
/// Typed spec structs are decoded from it strictly.
///
/// Kept apart from ``JSONValue`` on purpose: it carries TOML's semantics (integers and floats are distinct
/// cases, there is no null, tables are unordered), which typed spec decoding relies on. ``JSONValue`` is the
/// lossless carrier of free-form JSON on the wire and in schedule files (number text and key order kept).
public enum SpecValue: Sendable, Equatable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case float(Double)
    /// A boolean.
    case bool(Bool)
    /// An ordered list.
    case array([SpecValue])
    /// A table (object) of named values.
    case table([String: SpecValue])

    /// Parses a TOML document (the subset described in docs/job-specs.md) into a table.
    public static func parseTOML(_ text: String) throws(SpecError) -> SpecValue {
        var parser = TOMLParser(text)
        return .table(try parser.document())
    }

    /// Parses a JSON document; the top level must be an object.
    public static func parseJSON(_ data: Data) throws(SpecError) -> SpecValue {
        let value: SpecValue
        do {
            value = try JSONDecoder().decode(SpecValue.self, from: data)
        } catch let error as SpecError {
            throw error
        } catch {
            throw .document("not valid JSON: \(error)")
        }
        guard case .table = value else { throw .document("a JSON spec must be an object at the top level") }
        return value
    }

    /// The table's entries, if this is a table.
    public var tableValue: [String: SpecValue]? {
        if case .table(let entries) = self { return entries }
        return nil
    }
}

extension SpecValue: CustomStringConvertible {
    /// The value in TOML-like inline syntax, as quoted in error messages: `"ten"`, `4`, `[1, 2]`, `{a = 1}`.
    public var description: String {
        switch self {
        case .string(let text): "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .bool(let value): String(value)
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            "{" + entries.keys.sorted().map { "\($0) = \(entries[$0]?.description ?? "")" }.joined(separator: ", ") + "}"
        }
    }
}

extension SpecValue: Codable {
    /// Decodes any JSON value except null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            throw SpecError.document("null is not allowed in a spec (leave the field out to get its default)")
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .float(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SpecValue].self) {
            self = .array(value)
        } else {
            self = .table(try container.decode([String: SpecValue].self))
        }
    }

    /// Encodes the value as the matching JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .float(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .table(let value): try container.encode(value)
        }
    }
}
