import Foundation

/// A table of results (schedules x metrics): named columns and rows of already formatted cells.
///
/// Foundation-only, no BLAS: it can move to a target the CLI links. Render with `TextTableFormatter`,
/// `CSVWriter` or `HTMLReport`.
public struct ResultTable: Sendable, Equatable, Codable {
    /// How a column's cells line up in text output.
    public enum Alignment: String, Sendable, Codable {
        /// Left-aligned.
        case left
        /// Right-aligned.
        case right
        /// Right-aligned when every non-empty cell reads as a number, else left-aligned.
        case automatic
    }

    /// One column: its header and alignment.
    public struct Column: Sendable, Equatable, Codable {
        /// Header text.
        public var name: String
        /// Text alignment.
        public var alignment: Alignment

        /// A column named `name`.
        public init(_ name: String, alignment: Alignment = .automatic) {
            self.name = name
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; each has exactly `columns.count` cells.
    public private(set) var rows: [[String]] = []

    /// An empty table with `columns`.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// An empty table with automatically aligned columns named `columnNames`.
    public init(columnNames: [String]) {
        self.columns = columnNames.map { Column($0) }
    }

    private enum CodingKeys: String, CodingKey {
        case columns, rows
    }

    /// Decodes a table; throws a `DecodingError` when a row's width differs from the column count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        columns = try container.decode([Column].self, forKey: .columns)
        rows = try container.decode([[String]].self, forKey: .rows)
        if let bad = rows.firstIndex(where: { $0.count != columns.count }) {
            throw DecodingError.dataCorruptedError(
                forKey: .rows, in: container,
                debugDescription: "row \(bad) has \(rows[bad].count) cells, table has \(columns.count) columns")
        }
    }

    /// Appends a row; throws `ReportError.invalidArgument` unless it has one cell per column.
    public mutating func append(_ row: [String]) throws {
        guard row.count == columns.count else {
            throw ReportError.invalidArgument("row has \(row.count) cells, table has \(columns.count) columns")
        }
        rows.append(row)
    }

    /// `value` with `digits` decimals (`"inf"`, `"-inf"`, `"nan"` for non-finite values).
    public static func number(_ value: Double, digits: Int = 3) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.\(max(0, digits))f", value)
    }

    /// Whether column `index` is right-aligned in text output.
    public func isRightAligned(_ index: Int) -> Bool {
        switch columns[index].alignment {
        case .left: return false
        case .right: return true
        case .automatic:
            let cells = rows.map { $0[index] }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(Self.readsAsNumber)
        }
    }

    private static func readsAsNumber(_ cell: String) -> Bool {
        let trimmed = cell.hasSuffix("x") || cell.hasSuffix("%") ? String(cell.dropLast()) : cell
        return Double(trimmed) != nil || ["inf", "-inf", "nan"].contains(trimmed)
    }
}
