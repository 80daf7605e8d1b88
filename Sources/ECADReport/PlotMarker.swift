import Foundation

/// SVG shapes for `PlotSeries.Marker`, about 9 pixels across, centered on a point.
enum PlotMarker {
    /// The SVG element of `marker` at `(x, y)`, filled with `color`, with an optional (escaped) tooltip.
    static func svg(_ marker: PlotSeries.Marker, x: Double, y: Double, color: String, title: String?) -> String {
        let tooltip = title.map { "<title>\($0)</title>" } ?? ""
        let c = SVGText.coordinate
        let paint = "fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"0.8\""
        switch marker {
        case .circle:
            return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"4.5\" \(paint)>\(tooltip)</circle>"
        case .square:
            return "<rect x=\"\(c(x - 4))\" y=\"\(c(y - 4))\" width=\"8\" height=\"8\" \(paint)>\(tooltip)</rect>"
        case .cross:
            let d = "M \(c(x - 4)) \(c(y - 4)) L \(c(x + 4)) \(c(y + 4)) "
                + "M \(c(x - 4)) \(c(y + 4)) L \(c(x + 4)) \(c(y - 4))"
            return "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\">\(tooltip)</path>"
        case .triangle, .diamond, .star:
            let corners = polygon(marker, x: x, y: y).map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
            return "<polygon points=\"\(corners)\" \(paint)>\(tooltip)</polygon>"
        }
    }

    private static func polygon(_ marker: PlotSeries.Marker, x: Double, y: Double) -> [(Double, Double)] {
        switch marker {
        case .triangle: return [(x, y - 5.5), (x + 5, y + 3.5), (x - 5, y + 3.5)]
        case .diamond: return [(x, y - 5.5), (x + 5, y), (x, y + 5.5), (x - 5, y)]
        default:
            // A five-pointed star: outer radius 6.5, inner 2.7, first point straight up.
            return (0..<10).map { k in
                let radius = k % 2 == 0 ? 6.5 : 2.7
                let angle = Double(k) * Double.pi / 5 - Double.pi / 2
                return (x + radius * cos(angle), y + radius * sin(angle))
            }
        }
    }
}
