/// A strict reader over one table of a spec: each getter reads one named field (or returns its
/// default when absent) and records the name as known; ``finish()`` then refuses any field that no
/// getter asked for. Every error names the field's dotted path.
struct SpecFields {
    /// Dotted path of this table (`search`, `search.budgets`).
    let path: String
    private let entries: [String: SpecValue]
    private var known: Set<String> = []

    /// Reads `value`, which must be a table.
    init(_ value: SpecValue, path: String) throws(SpecError) {
        guard case .table(let entries) = value else {
            throw .field(path, "expected a table, got \(value)")
        }
        self.path = path
        self.entries = entries
    }

    /// The path of a field of this table.
    func path(of key: String) -> String { "\(path).\(key)" }

    /// The raw value of `key`, if present, recording `key` as known.
    mutating func raw(_ key: String) -> SpecValue? {
        known.insert(key)
        return entries[key]
    }

    /// Refuses any field that no getter asked for (the first in sorted order is named).
    func finish() throws(SpecError) {
        if let unknown = entries.keys.filter({ !known.contains($0) }).sorted().first {
            let choices = known.sorted().joined(separator: ", ")
            throw .field(path(of: unknown), "unknown field (known fields: \(choices))")
        }
    }

    /// Reads `key` with `read` when present, otherwise returns `fallback`.
    mutating func read<T>(
        _ key: String, default fallback: T, _ read: (SpecValue, String) throws(SpecError) -> T
    ) throws(SpecError) -> T {
        guard let value = raw(key) else { return fallback }
        return try read(value, path(of: key))
    }

    /// Reads `key` with `read` when present, otherwise nil.
    mutating func optional<T>(
        _ key: String, _ read: (SpecValue, String) throws(SpecError) -> T
    ) throws(SpecError) -> T? {
        guard let value = raw(key) else { return nil }
        return try read(value, path(of: key))
    }

    /// Reads the sub-table `key` (an absent one reads as empty, giving every default) with `read`,
    /// then refuses its unknown fields.
    mutating func section<T>(_ key: String, _ read: (inout SpecFields) throws(SpecError) -> T) throws(SpecError) -> T {
        var fields = try SpecFields(raw(key) ?? .table([:]), path: path(of: key))
        let result = try read(&fields)
        try fields.finish()
        return result
    }
}
