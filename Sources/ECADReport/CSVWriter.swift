/// Writes a `ResultTable` as CSV (RFC 4180): a header row, then one line per row, lines ended by `\n`; a field
/// holding a comma, a double quote, CR or LF, or starting or ending with a space, is quoted, its quotes doubled
/// (Foundation-free).
public enum CSVWriter {
    /// The CSV text of `table`.
    public static func write(_ table: ResultTable) -> String {
        ([table.columns.map(\.name)] + table.rows)
            .map { $0.map(field).joined(separator: ",") + "\n" }
            .joined()
    }

    /// One field, quoted when it needs to be.
    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
