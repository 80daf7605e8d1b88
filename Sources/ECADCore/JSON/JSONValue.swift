/// A JSON value that keeps object key order and the exact text of numbers.
///
/// Used for the parts of schedule files that ecad carries without interpreting (`config`, `metrics`,
/// provenance), so that imports and exports are lossless, for the canonical encoding, and as the free-form
/// JSON of the v1 API (ECADAPI's job specs, registry provenance and schedules).
///
/// Job specs are interpreted through ``SpecValue`` instead, which has TOML's semantics (integer vs float,
/// no null) that this type does not model.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, stored as its JSON text (e.g. `"84.09104492187501"`, `"2134989471744"`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; members in their original order (duplicates are refused by the parser).
    case object([(key: String, value: JSONValue)])

    /// A number from an integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A number from a finite double, written in Swift's shortest round-trip form.
    /// - Throws: ``ECADCoreError`` for NaN or infinity, which JSON cannot represent.
    public static func double(_ value: Double) throws(ECADCoreError) -> JSONValue {
        guard value.isFinite else { throw ECADCoreError(.invalidValue, "JSON numbers must be finite, got \(value)") }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(String(value))
    }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The integer value of a number without fraction or exponent that fits in `Int`, or nil.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// The value of any number as a `Double`, or nil.
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The string value, or nil.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The object members, or nil.
    public var objectMembers: [(key: String, value: JSONValue)]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let text): hasher.combine(text)
        case .string(let text): hasher.combine(text)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            hasher.combine(members.count)
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}

extension JSONValue {
    /// Equality that ignores the order of object members (JSON's own notion of equal documents).
    /// Numbers compare by text.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            let lookup = Dictionary(b.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            return a.allSatisfy { member in lookup[member.key].map { member.value.isEquivalent(to: $0) } ?? false }
        default:
            return self == other
        }
    }
}
