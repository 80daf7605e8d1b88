/// The axes of a dashboard SVG plot: data ranges mapped to pixels, with gridlines, tick labels and axis titles.
struct PlotFrame {
    /// Plot size in pixels.
    var width = 460.0, height = 300.0
    /// Margins for tick labels and titles.
    var left = 60.0, right = 16.0, top = 24.0, bottom = 44.0
    /// Data ranges shown.
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>

    /// A frame that shows every value of `xs` and `ys` with a 5 % margin (a single value gets a unit-wide range).
    init(xs: [Double], ys: [Double]) {
        xRange = Self.padded(xs)
        yRange = Self.padded(ys)
    }

    private static func padded(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        let span = high - low
        let pad = span > 0 ? span * 0.05 : max(abs(low) * 0.05, 0.5)
        return (low - pad)...(high + pad)
    }

    /// The pixel x of `value`.
    func x(_ value: Double) -> Double {
        left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (width - left - right)
    }

    /// The pixel y of `value` (up is larger).
    func y(_ value: Double) -> Double {
        height - bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (height - top - bottom)
    }

    /// The opening `<svg>` tag with `id` and an accessible label.
    func open(id: String, label: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
    }

    /// Gridlines, axis lines, five tick labels per axis and the axis titles (plain text; escaped here).
    func axes(x title: String, y yTitle: String, digits: (x: Int, y: Int) = (2, 3)) -> String {
        var svg = ""
        for index in 0...4 {
            let fraction = Double(index) / 4
            let xValue = xRange.lowerBound + fraction * (xRange.upperBound - xRange.lowerBound)
            let yValue = yRange.lowerBound + fraction * (yRange.upperBound - yRange.lowerBound)
            let px = c(x(xValue)), py = c(y(yValue))
            svg += "<line class=\"grid\" x1=\"\(px)\" y1=\"\(c(top))\" x2=\"\(px)\" y2=\"\(c(height - bottom))\"/>"
            svg += "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(py)\" x2=\"\(c(width - right))\" y2=\"\(py)\"/>"
            svg += "<text x=\"\(px)\" y=\"\(c(height - bottom + 14))\" text-anchor=\"middle\">\(HTML.number(xValue, digits: digits.x))</text>"
            svg += "<text x=\"\(c(left - 4))\" y=\"\(c(y(yValue) + 4))\" text-anchor=\"end\">\(HTML.number(yValue, digits: digits.y))</text>"
        }
        svg += "<line class=\"axis\" x1=\"\(c(left))\" y1=\"\(c(height - bottom))\" x2=\"\(c(width - right))\" y2=\"\(c(height - bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"\(c(left))\" y1=\"\(c(top))\" x2=\"\(c(left))\" y2=\"\(c(height - bottom))\"/>"
        svg += "<text x=\"\(c((left + width - right) / 2))\" y=\"\(c(height - 8))\" text-anchor=\"middle\">\(HTML.escape(title))</text>"
        svg += "<text x=\"12\" y=\"\(c((top + height - bottom) / 2))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 12 \(c((top + height - bottom) / 2)))\">\(HTML.escape(yTitle))</text>"
        return svg
    }

    /// A pixel coordinate with 1 decimal.
    func c(_ value: Double) -> String { HTML.number(value, digits: 1) }
}
