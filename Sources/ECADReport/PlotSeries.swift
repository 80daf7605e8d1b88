/// One labeled series of a `ParetoPlot`.
public struct PlotSeries: Sendable, Equatable {
    /// How the series is drawn.
    public enum Style: String, Sendable, Equatable {
        /// A found Pareto front: its points joined by the staircase bounding the region they dominate
        /// (both axes maximized), with a marker on every point.
        case front
        /// Markers only (e.g. one heuristic family).
        case markers
    }

    /// Marker shapes.
    public enum Marker: String, Sendable, Equatable, CaseIterable {
        /// A filled circle.
        case circle
        /// A filled square.
        case square
        /// A filled triangle, point up.
        case triangle
        /// A filled diamond.
        case diamond
        /// An X of two strokes.
        case cross
        /// A filled five-pointed star (the uncached point, by convention).
        case star
    }

    /// Legend text.
    public var label: String
    /// `(x, y)` points: x = speedup, y = reward.
    public var points: [PlotPoint]
    /// Drawing style.
    public var style: Style
    /// Marker shape.
    public var marker: Marker
    /// CSS color (`#RRGGBB`); nil picks the next color of a color-blind-safe palette.
    public var color: String?

    /// A series; `color` nil means "next palette color".
    public init(label: String, points: [PlotPoint], style: Style = .markers, marker: Marker = .circle,
                color: String? = nil) {
        self.label = label
        self.points = points
        self.style = style
        self.marker = marker
        self.color = color
    }
}
