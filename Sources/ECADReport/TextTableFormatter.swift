/// Formats a `ResultTable` as aligned plain text: a header, a rule of dashes, then the rows; columns are
/// separated by two spaces and padded to their widest cell (Foundation-free).
public enum TextTableFormatter {
    /// The table as text lines joined by newlines, with a trailing newline.
    public static func format(_ table: ResultTable) -> String {
        let count = table.columns.count
        guard count > 0 else { return "" }
        let widths = (0..<count).map { c in
            ([table.columns[c].name] + table.rows.map { $0[c] }).map(\.count).max() ?? 0
        }
        let right = (0..<count).map { table.isRightAligned($0) }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { c, cell in
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                return right[c] ? padding + cell : cell + padding
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var lines = [line(table.columns.map(\.name))]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += table.rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
