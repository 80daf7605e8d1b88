/// One point of a plot, with an optional name shown as its tooltip (e.g. the schedule's name).
public struct PlotPoint: Sendable, Equatable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double
    /// Tooltip text; nil shows just the coordinates.
    public var name: String?

    /// A point at `(x, y)`.
    public init(x: Double, y: Double, name: String? = nil) {
        self.x = x
        self.y = y
        self.name = name
    }
}
