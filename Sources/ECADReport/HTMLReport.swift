import Foundation

/// A self-contained HTML report: a title, then sections in order — headings, paragraphs, result tables,
/// inline SVG plots and rows of images (e.g. grids of the same prompts under several schedules, side by side),
/// embedded as base64 PNG data URIs. One file, no external resources. Foundation-only (no BLAS).
public struct HTMLReport: Sendable {
    /// One captioned image of an image row.
    public struct Figure: Sendable, Equatable {
        /// Caption under the image.
        public var caption: String
        /// PNG file bytes.
        public var png: [UInt8]
        /// The page shows the image this many times its size, pixelated (so grids can be embedded at scale 1
        /// and stay small).
        public var displayScale: Int

        /// A figure from PNG bytes.
        public init(caption: String, png: [UInt8], displayScale: Int = 1) {
            self.caption = caption
            self.png = png
            self.displayScale = max(1, displayScale)
        }

        /// The image's width and height in pixels from the PNG header; nil if the bytes are too short.
        var pixelSize: (width: Int, height: Int)? {
            guard png.count >= 24 else { return nil }
            return (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) })
        }

        /// `width="..." height="..."` from the PNG header times `displayScale`; empty if the bytes are too short.
        var sizeAttributes: String {
            guard let (width, height) = pixelSize else { return "" }
            return " width=\"\(width * displayScale)\" height=\"\(height * displayScale)\""
        }
    }

    /// One block of the report.
    public enum Section: Sendable, Equatable {
        /// A second-level heading.
        case heading(String)
        /// A paragraph of plain text.
        case paragraph(String)
        /// A table with a caption.
        case table(ResultTable, caption: String)
        /// An SVG document inlined as-is (e.g. `ParetoPlot.svg()`); trusted markup.
        case svg(String, caption: String)
        /// Figures side by side, wrapping on narrow screens.
        case figures([Figure])
    }

    /// The page title and top heading.
    public var title: String
    /// The sections, in order.
    public var sections: [Section] = []

    /// An empty report.
    public init(title: String) {
        self.title = title
    }

    /// Appends a heading.
    public mutating func addHeading(_ text: String) { sections.append(.heading(text)) }
    /// Appends a paragraph.
    public mutating func addParagraph(_ text: String) { sections.append(.paragraph(text)) }
    /// Appends a table.
    public mutating func addTable(_ table: ResultTable, caption: String = "") {
        sections.append(.table(table, caption: caption))
    }
    /// Appends a plot.
    public mutating func addPlot(_ plot: ParetoPlot, caption: String = "") {
        sections.append(.svg(plot.svg(), caption: caption))
    }
    /// Appends images side by side. An image that appears in several rows of figures is embedded only once.
    public mutating func addFigures(_ figures: [Figure]) { sections.append(.figures(figures)) }

    /// The complete HTML document.
    public func html() -> String {
        // An image shown in several rows of figures (a baseline grid beside every schedule's) is embedded once, as
        // a CSS class.
        var counts: [[UInt8]: Int] = [:]
        for case .figures(let figures) in sections {
            for png in Set(figures.map(\.png)) { counts[png, default: 0] += 1 }
        }
        var shared: [[UInt8]: Int] = [:]
        var sharedStyle = ""
        for section in sections {
            guard case .figures(let figures) = section else { continue }
            for figure in figures where counts[figure.png, default: 0] > 1 && shared[figure.png] == nil {
                shared[figure.png] = shared.count
                sharedStyle += ".png-\(shared.count - 1) { background-image: url(\"data:image/png;base64,"
                    + "\(Data(figure.png).base64EncodedString())\"); }\n"
            }
        }
        var body = "<h1>\(SVGText.escape(title))</h1>\n"
        for section in sections { body += render(section, shared: shared) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(SVGText.escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { display: inline-block; margin: 0 1.5em 1.5em 0; vertical-align: top; }
            figure img { image-rendering: pixelated; }
            figcaption, caption { font-size: 0.9em; color: #555; }
            .figures { display: flex; flex-wrap: wrap; align-items: flex-start; }
            figure div { background-size: 100% 100%; image-rendering: pixelated; }
            \(sharedStyle)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func render(_ section: Section, shared: [[UInt8]: Int]) -> String {
        switch section {
        case .heading(let text): return "<h2>\(SVGText.escape(text))</h2>\n"
        case .paragraph(let text): return "<p>\(SVGText.escape(text))</p>\n"
        case .table(let table, let caption): return tableHTML(table, caption: caption)
        case .svg(let svg, let caption):
            let inline = svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
            return "<figure>\n\(inline)<figcaption>\(SVGText.escape(caption))</figcaption>\n</figure>\n"
        case .figures(let figures):
            let items = figures.map { figure in
                if let index = shared[figure.png], let (width, height) = figure.pixelSize {
                    let size = "width: \(width * figure.displayScale)px; height: \(height * figure.displayScale)px"
                    return "<figure><div class=\"png-\(index)\" role=\"img\" aria-label=\"\(SVGText.escape(figure.caption))\" "
                        + "style=\"\(size)\"></div><figcaption>\(SVGText.escape(figure.caption))</figcaption></figure>\n"
                }
                return "<figure><img\(figure.sizeAttributes) alt=\"\(SVGText.escape(figure.caption))\" "
                    + "src=\"data:image/png;base64,"
                    + "\(Data(figure.png).base64EncodedString())\"><figcaption>\(SVGText.escape(figure.caption))"
                    + "</figcaption></figure>\n"
            }
            return "<div class=\"figures\">\n\(items.joined())</div>\n"
        }
    }

    private func tableHTML(_ table: ResultTable, caption: String) -> String {
        let right = table.columns.indices.map { table.isRightAligned($0) }
        var out = "<table>\n"
        if !caption.isEmpty { out += "<caption>\(SVGText.escape(caption))</caption>\n" }
        out += "<tr>" + table.columns.map { "<th>\(SVGText.escape($0.name))</th>" }.joined() + "</tr>\n"
        for row in table.rows {
            let cells = row.enumerated().map { c, cell in
                "<td\(right[c] ? " class=\"num\"" : "")>\(SVGText.escape(cell))</td>"
            }
            out += "<tr>" + cells.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }
}
