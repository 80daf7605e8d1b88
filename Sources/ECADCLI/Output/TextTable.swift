/// An aligned, squeue-like text table.
struct TextTable {
    /// Column headings.
    var headers: [String]
    /// Rows of cells, one per heading.
    var rows: [[String]] = []

    /// The table as lines: left-aligned columns separated by two spaces. Cells are sanitized for the terminal
    /// (``TerminalOutput/sanitized(_:keepingLayout:)``), newlines and tabs included, so every row stays one line.
    var rendered: String {
        let rows = rows.map { $0.map { TerminalOutput.sanitized($0, keepingLayout: false) } }
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
