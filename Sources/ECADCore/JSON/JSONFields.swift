/// Typed access to the members of a JSON object, with errors that name the field's path.
package struct JSONFields {
    /// The object's members in order.
    package let members: [(key: String, value: JSONValue)]
    /// Path of the object for messages, e.g. `cache_schedule`.
    package let path: String

    /// Wraps `value`, which must be an object.
    /// - Throws: ``ECADCoreError`` naming `path` if `value` is not an object.
    package init(_ value: JSONValue, path: String) throws(ECADCoreError) {
        guard let members = value.objectMembers else {
            throw ECADCoreError(.invalidDocument, "\(path.isEmpty ? "document" : path): expected an object, got \(value.typeName)")
        }
        self.members = members
        self.path = path
    }

    /// The full path of member `key`.
    package func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or nil when absent.
    package func optional(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// The member `key`.
    /// - Throws: ``ECADCoreError`` if it is absent.
    package func value(_ key: String) throws(ECADCoreError) -> JSONValue {
        guard let value = optional(key) else { throw ECADCoreError(.invalidDocument, "missing field \(path(key))") }
        return value
    }

    /// The member `key` as an integer in `range`.
    /// - Throws: ``ECADCoreError`` if absent, not an integer, or out of range.
    package func int(_ key: String, in range: ClosedRange<Int>) throws(ECADCoreError) -> Int {
        let raw = try value(key)
        guard let number = raw.intValue else {
            throw ECADCoreError(.invalidDocument, "\(path(key)): expected an integer, got \(raw.typeName)")
        }
        guard range.contains(number) else {
            throw ECADCoreError(.invalidValue, "\(path(key)): \(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    /// The member `key` as an integer in `range`, or nil when absent.
    package func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(ECADCoreError) -> Int? {
        optional(key) == nil ? nil : try int(key, in: range)
    }

    /// The member `key` as a string.
    /// - Throws: ``ECADCoreError`` if absent or not a string.
    package func string(_ key: String) throws(ECADCoreError) -> String {
        let raw = try value(key)
        guard let text = raw.stringValue else {
            throw ECADCoreError(.invalidDocument, "\(path(key)): expected a string, got \(raw.typeName)")
        }
        return text
    }

    /// The member `key` as a string, or nil when absent or `null`.
    package func optionalString(_ key: String) throws(ECADCoreError) -> String? {
        guard let raw = optional(key), raw != .null else { return nil }
        return try string(key)
    }

    /// The member `key` as an object (or nil when absent or `null`).
    package func optionalObject(_ key: String) throws(ECADCoreError) -> JSONValue? {
        guard let raw = optional(key), raw != .null else { return nil }
        guard raw.objectMembers != nil else {
            throw ECADCoreError(.invalidDocument, "\(path(key)): expected an object, got \(raw.typeName)")
        }
        return raw
    }

    /// Refuses members not in `allowed`.
    /// - Throws: ``ECADCoreError`` naming the first unknown field.
    package func rejectUnknown(_ allowed: Set<String>) throws(ECADCoreError) {
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            let known = allowed.sorted().joined(separator: ", ")
            throw ECADCoreError(.unknownName, "unknown field \(ECADCoreError.quoted(path(unknown.key))); known: \(known)")
        }
    }
}
