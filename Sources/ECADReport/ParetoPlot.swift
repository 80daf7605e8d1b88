import Foundation

/// A standalone SVG scatter/step plot of quality against speed: x = measured (or MAC) speedup, y = reward.
///
/// Several labeled series (a found front as a staircase with points, each heuristic family as its own
/// marker and color, the uncached point), linear axes with nice ticks and grid lines, axis labels, a title
/// and a legend on the right. Every point carries a `<title>` tooltip; non-finite points are left out.
/// Foundation-only (no BLAS).
public struct ParetoPlot: Sendable {
    /// Title above the plot.
    public var title: String
    /// Horizontal axis label.
    public var xLabel: String
    /// Vertical axis label.
    public var yLabel: String
    /// The series, drawn in order (later on top).
    public var series: [PlotSeries]
    /// Total width in pixels.
    public var width: Int = 760
    /// Total height in pixels.
    public var height: Int = 480

    /// Okabe-Ito colors, safe for color-blind readers; series without a color take them in order.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                                 "#F0E442"]

    /// A plot with default size.
    public init(title: String, xLabel: String = "speedup (x)", yLabel: String = "reward",
                series: [PlotSeries] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// The plot as a standalone SVG document.
    public func svg() -> String {
        let left = 70.0, right = Double(width) - 190, top = 44.0, bottom = Double(height) - 56
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xAxis = PlotAxis(covering: points.map(\.x)), yAxis = PlotAxis(covering: points.map(\.y))
        let px = { (v: Double) in SVGText.coordinate(xAxis.map(v, from: left, to: right)) }
        let py = { (v: Double) in SVGText.coordinate(yAxis.map(v, from: bottom, to: top)) }
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="\(SVGText.coordinate((left + right) / 2))" y="26" text-anchor="middle" font-size="16" \
            font-weight="bold">\(SVGText.escape(title))</text>

            """
        svg += "<g stroke=\"#dddddd\" stroke-width=\"1\">\n"
        for t in xAxis.ticks { svg += "<line x1=\"\(px(t))\" y1=\"\(top)\" x2=\"\(px(t))\" y2=\"\(bottom)\"/>\n" }
        for t in yAxis.ticks { svg += "<line x1=\"\(left)\" y1=\"\(py(t))\" x2=\"\(right)\" y2=\"\(py(t))\"/>\n" }
        svg += "</g>\n<rect x=\"\(left)\" y=\"\(top)\" width=\"\(right - left)\" height=\"\(bottom - top)\" "
            + "fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n<g font-size=\"11\">\n"
        for t in xAxis.ticks {
            svg += "<line x1=\"\(px(t))\" y1=\"\(bottom)\" x2=\"\(px(t))\" y2=\"\(bottom + 5)\" stroke=\"#000000\"/>"
                + "<text x=\"\(px(t))\" y=\"\(bottom + 18)\" text-anchor=\"middle\">\(xAxis.label(t))</text>\n"
        }
        for t in yAxis.ticks {
            svg += "<line x1=\"\(left - 5)\" y1=\"\(py(t))\" x2=\"\(left)\" y2=\"\(py(t))\" stroke=\"#000000\"/>"
                + "<text x=\"\(left - 8)\" y=\"\(py(t))\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + "\(yAxis.label(t))</text>\n"
        }
        let yMid = SVGText.coordinate((top + bottom) / 2)
        svg += "</g>\n<text x=\"\(SVGText.coordinate((left + right) / 2))\" y=\"\(Double(height) - 14)\" "
            + "text-anchor=\"middle\" font-size=\"13\">\(SVGText.escape(xLabel))</text>\n"
            + "<text x=\"18\" y=\"\(yMid)\" text-anchor=\"middle\" font-size=\"13\" "
            + "transform=\"rotate(-90 18 \(yMid))\">\(SVGText.escape(yLabel))</text>\n"
        for (index, item) in series.enumerated() {
            let color = SVGText.escape(item.color ?? Self.palette[index % Self.palette.count])
            svg += "<g class=\"series\" data-label=\"\(SVGText.escape(item.label))\">\n"
            if item.style == .front, item.points.count > 1 {
                svg += "<path d=\"\(staircase(item.points, px: px, py: py))\" fill=\"none\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\"/>\n"
            }
            for point in item.points where point.x.isFinite && point.y.isFinite {
                let coordinates = "(\(SVGText.number(point.x, decimals: 3)), \(SVGText.number(point.y, decimals: 3)))"
                let tip = "\(point.name.map { $0 + ": " } ?? "")\(item.label) \(coordinates)"
                svg += PlotMarker.svg(item.marker, x: xAxis.map(point.x, from: left, to: right),
                                      y: yAxis.map(point.y, from: bottom, to: top), color: color,
                                      title: SVGText.escape(tip)) + "\n"
            }
            svg += "</g>\n"
        }
        svg += legend(x: right + 16, y: top + 4)
        return svg + "</svg>\n"
    }

    /// The path through the non-dominated points (no other point has both a larger x and a larger y; measured
    /// speedups can reorder a front) sorted by x: from each point straight down to the next point's height, then
    /// across to it. Dominated points keep their markers but are off the line.
    private func staircase(_ points: [PlotPoint], px: (Double) -> String, py: (Double) -> String) -> String {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        var best = -Double.infinity
        var kept: [PlotPoint] = []
        for point in finite.sorted(by: { $0.x != $1.x ? $0.x > $1.x : $0.y > $1.y }) where point.y > best {
            kept.append(point)
            best = point.y
        }
        let sorted = Array(kept.reversed())
        guard let first = sorted.first else { return "" }
        var path = "M \(px(first.x)) \(py(first.y))"
        for point in sorted.dropFirst() { path += " V \(py(point.y)) H \(px(point.x))" }
        return path
    }

    private func legend(x: Double, y: Double) -> String {
        var out = "<g class=\"legend\" font-size=\"12\">\n"
        for (index, item) in series.enumerated() {
            let color = SVGText.escape(item.color ?? Self.palette[index % Self.palette.count])
            let rowY = y + Double(index) * 22 + 8
            if item.style == .front {
                out += "<line x1=\"\(x)\" y1=\"\(rowY)\" x2=\"\(x + 24)\" y2=\"\(rowY)\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\"/>\n"
            }
            out += PlotMarker.svg(item.marker, x: x + 12, y: rowY, color: color, title: nil) + "\n"
            out += "<text x=\"\(x + 32)\" y=\"\(rowY)\" dominant-baseline=\"middle\">"
                + "\(SVGText.escape(item.label))</text>\n"
        }
        return out + "</g>\n"
    }
}
