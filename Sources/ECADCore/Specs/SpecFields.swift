/// A strict reader over one table of a spec: each getter reads one named field (or returns its
/// default when absent) and records the name as known; ``finish()`` then refuses any field that no
/// getter asked for. Every error names the field's dotted path.
struct SpecFields {
    /// Dotted path of this table (`search`, `search.budgets`).
    let path: String
    /// The limits numeric and list fields are checked against.
    let limits: SpecLimits
    private let entries: [String: SpecValue]
    private var known: Set<String> = []

    /// Reads `value`, which must be a table, checking fields against `limits` (the small inline tables of a
    /// prompt or schedule source hold no limited field and keep the defaults).
    init(_ value: SpecValue, path: String, limits: SpecLimits = SpecLimits()) throws(SpecError) {
        guard case .table(let entries) = value else {
            throw .field(path, "expected a table, got \(value)")
        }
        self.path = path
        self.limits = limits
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

    /// Reads the integer `key` (default `fallback` when absent), which must be in `minimum...` the limit at `limit`.
    mutating func bounded(
        _ key: String, default fallback: Int, minimum: Int = 1, limit: KeyPath<SpecLimits, Int>
    ) throws(SpecError) -> Int {
        try optionalBounded(key, minimum: minimum, limit: limit) ?? fallback
    }

    /// Reads the integer `key` when present, which must be in `minimum...` the limit at `limit`.
    mutating func optionalBounded(_ key: String, minimum: Int = 1, limit: KeyPath<SpecLimits, Int>) throws(SpecError) -> Int? {
        let maximum = limits[keyPath: limit]
        return try optional(key) { value, path throws(SpecError) in
            try SpecRead.integer(value, path, in: minimum...maximum, limit: SpecLimits.name(of: limit))
        }
    }

    /// Reads the list `key` (default `fallback`), refusing more than the limit at `limit` entries before reading
    /// any of them with `item`.
    mutating func list<T>(
        _ key: String, default fallback: [T], limit: KeyPath<SpecLimits, Int>,
        _ item: (SpecValue, String) throws(SpecError) -> T
    ) throws(SpecError) -> [T] {
        try optionalList(key, limit: limit, item) ?? fallback
    }

    /// Reads the list `key` when present, as ``list(_:default:limit:_:)`` does.
    mutating func optionalList<T>(
        _ key: String, limit: KeyPath<SpecLimits, Int>, _ item: (SpecValue, String) throws(SpecError) -> T
    ) throws(SpecError) -> [T]? {
        let maximum = limits[keyPath: limit]
        return try optional(key) { value, path throws(SpecError) in
            if case .array(let items) = value, items.count > maximum {
                throw .field(path, "at most \(maximum) entries (limit \(SpecLimits.name(of: limit))), got \(items.count)")
            }
            return try SpecRead.array(value, path, item)
        }
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
        var fields = try SpecFields(raw(key) ?? .table([:]), path: path(of: key), limits: limits)
        let result = try read(&fields)
        try fields.finish()
        return result
    }
}
