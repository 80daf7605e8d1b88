/// Images composed into a labeled grid: rows x columns of cells with a gap, optional row labels on the left and
/// column labels on top (drawn with `BitmapFont`), each image upscaled nearest-neighbour so 32x32 images can be
/// seen (x4 by default).
///
/// Cells are as large as the largest image (after scaling); smaller images sit at the cell's top-left, empty
/// cells (`nil`, or missing at the end of a short row) show the background. Column labels wider than their cell
/// are cut to the characters that fit; row labels widen the left margin instead.
public struct ImageGrid: Sendable {
    /// The images, one array per row.
    public var rows: [[RGBImage?]]
    /// One label per row, or empty for none.
    public var rowLabels: [String]
    /// One label per column, or empty for none.
    public var columnLabels: [String]
    /// Nearest-neighbour upscaling factor of every image (>= 1).
    public var scale: Int
    /// Pixels between cells and around the grid (>= 0).
    public var gap: Int
    /// Size of one font pixel of the labels (>= 1).
    public var labelScale: Int
    /// The color between and around cells.
    public var background: RGBColor = .gridBackground
    /// The label color.
    public var textColor: RGBColor = .black

    /// A grid of `rows`; throws `MetricsError.invalidArgument` when there are no images, when a label list is
    /// neither empty nor one per row/column, or for a scale outside 1...64, labelScale outside 1...16 or gap
    /// outside 0...256.
    public init(rows: [[RGBImage?]], rowLabels: [String] = [], columnLabels: [String] = [], scale: Int = 4,
                gap: Int = 4, labelScale: Int = 2) throws {
        let columns = rows.map(\.count).max() ?? 0
        guard !rows.isEmpty, columns > 0 else { throw MetricsError.invalidArgument("image grid has no cells") }
        guard rowLabels.isEmpty || rowLabels.count == rows.count else {
            throw MetricsError.invalidArgument("\(rowLabels.count) row labels for \(rows.count) rows")
        }
        guard columnLabels.isEmpty || columnLabels.count == columns else {
            throw MetricsError.invalidArgument("\(columnLabels.count) column labels for \(columns) columns")
        }
        guard (1...64).contains(scale), (1...16).contains(labelScale), (0...256).contains(gap) else {
            throw MetricsError.invalidArgument(
                "grid scale must be 1...64, labelScale 1...16 and gap 0...256; got \(scale), \(labelScale), \(gap)")
        }
        self.rows = rows
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.scale = scale
        self.gap = gap
        self.labelScale = labelScale
    }

    /// A grid of `images` laid out `columns` per row, left to right, top to bottom.
    public init(images: [RGBImage], columns: Int, scale: Int = 4, gap: Int = 4) throws {
        guard columns > 0 else { throw MetricsError.invalidArgument("grid columns must be > 0, got \(columns)") }
        let rows = stride(from: 0, to: images.count, by: columns).map { start in
            images[start..<min(images.count, start + columns)].map { Optional($0) }
        }
        try self.init(rows: rows, scale: scale, gap: gap)
    }

    /// The number of columns (the longest row).
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// The grid as one image.
    public func render() -> RGBImage {
        let cells = rows.flatMap { $0 }.compactMap { $0 }
        let cellWidth = max(1, (cells.map(\.width).max() ?? 1) * scale)
        let cellHeight = max(1, (cells.map(\.height).max() ?? 1) * scale)
        let textHeight = BitmapFont.glyphHeight * labelScale
        let left = gap + (rowLabels.isEmpty ? 0 : rowLabels.map { BitmapFont.textWidth($0, scale: labelScale) }
            .max().map { $0 + gap } ?? 0)
        let top = gap + (columnLabels.isEmpty ? 0 : textHeight + gap)
        let width = left + columnCount * (cellWidth + gap)
        let height = top + rows.count * (cellHeight + gap)
        var image = RGBImage(unchecked: width, height, [UInt8](repeating: 0, count: width * height * 3))
        image.fill(x: 0, y: 0, width: width, height: height, color: background)

        for (c, label) in columnLabels.enumerated() {
            let fitting = String(label.prefix((cellWidth + 1) / (BitmapFont.advance * labelScale)))
            let x = left + c * (cellWidth + gap) + (cellWidth - BitmapFont.textWidth(fitting, scale: labelScale)) / 2
            BitmapFont.draw(fitting, into: &image, x: x, y: gap, color: textColor, scale: labelScale)
        }
        for (r, row) in rows.enumerated() {
            let y = top + r * (cellHeight + gap)
            if r < rowLabels.count {
                BitmapFont.draw(rowLabels[r], into: &image, x: gap, y: y + (cellHeight - textHeight) / 2,
                                color: textColor, scale: labelScale)
            }
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                image.paste(cell.upscaled(by: scale), x: left + c * (cellWidth + gap), y: y)
            }
        }
        return image
    }

    /// The rendered grid as PNG file bytes (see `RGBImage.pngData()`).
    public func pngData() throws -> [UInt8] {
        try render().pngData()
    }
}
