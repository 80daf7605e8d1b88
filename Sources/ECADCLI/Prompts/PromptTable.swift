/// A tab-separated table with a header row (PartiPrompts.tsv), and plain one-prompt-per-line text.
struct PromptTable {
    /// Header names, in order.
    let header: [String]
    /// Data rows (1-based line number in the file, fields).
    let rows: [(line: Int, fields: [String])]
    /// The file's name, for error messages.
    let name: String

    /// Splits `tsv` into a header and rows; blank lines are skipped, `\r\n` and `\r` line ends accepted.
    /// - Throws: ``PromptImportError`` when there is no header row.
    init(tsv: String, name: String) throws(PromptImportError) {
        let lines = Self.splitLines(tsv)
        guard let first = lines.first(where: { !$0.text.isEmpty }) else {
            throw PromptImportError("\(name) is empty (expected a header row)")
        }
        header = first.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        rows = lines.filter { $0.number > first.number && !$0.text.isEmpty }.map { line in
            (
                line: line.number,
                fields: line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            )
        }
        self.name = name
    }

    /// The values of column `column`, keeping rows whose `filter` column equals its value when a filter is given.
    /// - Throws: ``PromptImportError`` naming the missing column (and those there are) or a short row.
    func column(_ column: String, where filter: (column: String, value: String)? = nil) throws(PromptImportError)
        -> [String]
    {
        let index = try self.index(of: column)
        var filterIndex: Int?
        if let filter { filterIndex = try self.index(of: filter.column) }
        var values: [String] = []
        for row in rows {
            guard row.fields.count > max(index, filterIndex ?? 0) else {
                throw PromptImportError(
                    "\(name):\(row.line): \(row.fields.count) fields, but the header has \(header.count)")
            }
            if let filter, let filterIndex, row.fields[filterIndex] != filter.value { continue }
            values.append(row.fields[index])
        }
        return values
    }

    /// Lines of plain text, skipping blank lines and lines starting with `#`.
    static func lines(_ text: String) -> [String] {
        splitLines(text).map(\.text).filter { line in
            let trimmed = line.drop(while: \.isWhitespace)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }

    private func index(of column: String) throws(PromptImportError) -> Int {
        guard let index = header.firstIndex(of: column) else {
            let names = header.map { "\"\($0)\"" }.joined(separator: ", ")
            throw PromptImportError(
                "\(name): no column \"\(column)\" in the header row (columns: \(names)); see --column")
        }
        return index
    }

    /// Numbered lines. Splits on Character.isNewline: in Swift "\r\n" is one Character, so splitting on "\n"
    /// alone would leave a CRLF file as one line.
    private static func splitLines(_ text: String) -> [(number: Int, text: String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map { index, line in
            (number: index + 1, text: String(line))
        }
    }
}
