/// A parser for the TOML subset job specs use: `[table]` headers, dotted keys, basic and literal
/// strings, integers, floats, booleans, arrays, inline tables and `#` comments. Not supported (each
/// refused with a clear error): arrays of tables `[[...]]`, multi-line strings, dates and times.
///
/// Errors name the 1-based line. Keys may be defined once; a table may be opened once.
struct TOMLParser {
    var cursor: TOMLCursor
    private var root: [String: SpecValue] = [:]
    private var openedTables: Set<[String]> = []
    private var sealedPaths: Set<[String]> = []

    init(_ text: String) {
        cursor = TOMLCursor(text)
    }

    /// Parses the whole document into its root table.
    mutating func document() throws(SpecError) -> [String: SpecValue] {
        var tablePath: [String] = []
        while true {
            cursor.skipBlankLinesAndComments()
            guard let byte = cursor.peek() else { break }
            if byte == UInt8(ascii: "[") {
                tablePath = try tableHeader()
            } else {
                let line = cursor.line
                let keys = try cursor.keyPath()
                cursor.skipSpaces()
                guard cursor.consume(UInt8(ascii: "=")) else {
                    throw .syntax(line: cursor.line, "expected '=' after the key \(keys.joined(separator: "."))")
                }
                cursor.skipSpaces()
                let value = try cursor.value()
                try insert(value, at: tablePath + keys, line: line)
            }
            try cursor.expectEndOfLine()
        }
        return root
    }

    private mutating func tableHeader() throws(SpecError) -> [String] {
        let line = cursor.line
        _ = cursor.consume(UInt8(ascii: "["))
        if cursor.peek() == UInt8(ascii: "[") {
            throw .syntax(line: line, "arrays of tables ([[...]]) are not supported; use an array of inline tables")
        }
        cursor.skipSpaces()
        let path = try cursor.keyPath()
        cursor.skipSpaces()
        guard cursor.consume(UInt8(ascii: "]")) else {
            throw .syntax(line: cursor.line, "expected ']' to close the table header")
        }
        guard openedTables.insert(path).inserted else {
            throw .syntax(line: line, "table [\(path.joined(separator: "."))] is defined twice")
        }
        try TOMLTree.ensureTable(at: path, in: &root, sealed: sealedPaths, line: line)
        return path
    }

    private mutating func insert(_ value: SpecValue, at path: [String], line: Int) throws(SpecError) {
        try TOMLTree.insert(value, at: path, in: &root, sealed: sealedPaths, line: line)
        if case .table = value { sealedPaths.insert(path) }
        // Tables created by dotted keys cannot be reopened with a [header] later.
        for length in 1..<path.count { openedTables.insert(Array(path.prefix(length))) }
    }
}
