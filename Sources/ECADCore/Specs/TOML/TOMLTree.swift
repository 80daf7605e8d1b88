/// Insertion into a nested table tree with TOML's rules: a key is defined once, and a value or an
/// inline table cannot be extended by later keys.
enum TOMLTree {
    /// Defines `value` at `path`, creating intermediate tables. Throws if the key exists or a prefix
    /// is a value or a sealed (inline) table.
    static func insert(
        _ value: SpecValue, at path: [String], in root: inout [String: SpecValue], sealed: Set<[String]>, line: Int
    ) throws(SpecError) {
        try descend(path, index: 0, in: &root, sealed: sealed, line: line) { table, key throws(SpecError) in
            guard table[key] == nil else {
                throw .syntax(line: line, "key \(path.joined(separator: ".")) is defined twice")
            }
            table[key] = value
        }
    }

    /// Makes sure a table exists at `path` (for a `[header]`).
    static func ensureTable(
        at path: [String], in root: inout [String: SpecValue], sealed: Set<[String]>, line: Int
    ) throws(SpecError) {
        try descend(path, index: 0, in: &root, sealed: sealed, line: line) { table, key throws(SpecError) in
            switch table[key] {
            case nil: table[key] = .table([:])
            case .table: break
            default: throw .syntax(line: line, "\(path.joined(separator: ".")) is a value, not a table")
            }
        }
    }

    private static func descend(
        _ path: [String], index: Int, in table: inout [String: SpecValue], sealed: Set<[String]>, line: Int,
        leaf: (inout [String: SpecValue], String) throws(SpecError) -> Void
    ) throws(SpecError) {
        let key = path[index]
        if index == path.count - 1 {
            try leaf(&table, key)
            return
        }
        let prefix = Array(path.prefix(index + 1))
        if sealed.contains(prefix) {
            throw .syntax(line: line, "inline table \(prefix.joined(separator: ".")) cannot be extended")
        }
        var child: [String: SpecValue]
        switch table[key] {
        case nil: child = [:]
        case .table(let entries): child = entries
        default: throw .syntax(line: line, "\(prefix.joined(separator: ".")) is a value, not a table")
        }
        table[key] = nil
        defer { table[key] = .table(child) }
        try descend(path, index: index + 1, in: &child, sealed: sealed, line: line, leaf: leaf)
    }
}
