/// A `--set key=value` override (`ecad submit --set`): a dotted key path (TOML key syntax) and a value. The
/// value is read as a TOML value when it is one (`24`, `0.5`, `true`, `"x"`, `["a", "b"]`, `{ n = 2 }`) and
/// taken as a plain string otherwise (`--set budgets.until=07:00`, `--set model=shapes32`).
public struct SpecOverride: Sendable, Equatable {
    /// The key path, e.g. `["budgets", "until"]`.
    public let path: [String]
    /// The value to store.
    public let value: SpecValue

    /// Parses `key=value`.
    public init(_ text: String) throws(SpecError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw .document("--set \(text): expected key=value")
        }
        var keyCursor = TOMLCursor(String(text[..<equals]))
        keyCursor.skipSpaces()
        let path: [String]
        do {
            path = try keyCursor.keyPath()
            keyCursor.skipSpaces()
            guard keyCursor.isAtEnd else { throw SpecError.document("") }
        } catch {
            throw .document("--set \(text): '\(text[..<equals])' is not a key path such as budgets.until")
        }
        self.path = path
        let raw = String(text[text.index(after: equals)...])
        var valueCursor = TOMLCursor(raw)
        valueCursor.skipSpaces()
        if let parsed = try? valueCursor.value(), valueCursor.skipSpacesToEnd() {
            value = parsed
        } else {
            value = .string(raw)
        }
    }

    /// Parses each of `overrides` (`key=value`) and applies them to `tree` in order.
    public static func apply(_ overrides: [String], to tree: inout SpecValue) throws(SpecError) {
        for override in overrides {
            try SpecOverride(override).apply(to: &tree)
        }
    }

    /// Stores the value at the path in `tree` (replacing what was there), creating tables as needed.
    /// Throws if a prefix of the path is a value rather than a table.
    public func apply(to tree: inout SpecValue) throws(SpecError) {
        try Self.set(value, at: path[...], in: &tree, walked: [])
    }

    private static func set(
        _ value: SpecValue, at path: ArraySlice<String>, in tree: inout SpecValue, walked: [String]
    ) throws(SpecError) {
        guard case .table(var entries) = tree else {
            throw .field(walked.joined(separator: "."), "--set cannot descend into \(tree): it is not a table")
        }
        guard let key = path.first else { return }
        if path.count == 1 {
            entries[key] = value
        } else {
            var child = entries[key] ?? .table([:])
            try set(value, at: path.dropFirst(), in: &child, walked: walked + [key])
            entries[key] = child
        }
        tree = .table(entries)
    }
}
