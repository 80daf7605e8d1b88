/// One shape placed in image coordinates (pixels, origin at the top-left corner, y down; pixel (x, y) covers
/// `[x, x+1) x [y, y+1)`), with a signed distance function for rasterizing.
public struct ShapesPlacedShape: Sendable, Hashable {
    /// Ring thickness as a fraction of the outer radius.
    public static let ringThickness: Float = 0.4
    /// Square half-side as a fraction of the radius (keeps the area near the circle's).
    public static let squareHalfSide: Float = 0.85
    /// Triangle half-height as a fraction of the radius (its base is `2 * radius` wide).
    public static let triangleHalfHeight: Float = 0.9

    /// The shape kind.
    public var shape: ShapesShape
    /// Center of the bounding box, x.
    public var centerX: Float
    /// Center of the bounding box, y.
    public var centerY: Float
    /// Half the bounding-box width: circle and ring radius, square half-side / 0.85, triangle half-base.
    public var radius: Float

    /// Creates a placed shape.
    public init(shape: ShapesShape, centerX: Float, centerY: Float, radius: Float) {
        self.shape = shape
        self.centerX = centerX
        self.centerY = centerY
        self.radius = radius
    }

    /// The same shape moved by (dx, dy).
    public func offset(_ dx: Float, _ dy: Float) -> ShapesPlacedShape {
        ShapesPlacedShape(shape: shape, centerX: centerX + dx, centerY: centerY + dy, radius: radius)
    }

    /// Signed distance from point (x, y) to the outline: negative inside (exact), positive outside (exact for
    /// circle and ring, a lower bound for square and triangle, which is all the rasterizer needs).
    public func signedDistance(_ x: Float, _ y: Float) -> Float {
        let dx = x - centerX
        let dy = y - centerY
        switch shape {
        case .circle:
            return (dx * dx + dy * dy).squareRoot() - radius
        case .ring:
            let half = radius * Self.ringThickness / 2
            return abs((dx * dx + dy * dy).squareRoot() - (radius - half)) - half
        case .square:
            return max(abs(dx), abs(dy)) - radius * Self.squareHalfSide
        case .triangle:
            // Apex (0, -h), base corners (+-r, h); the slanted edges' outward normals are (+-2h, -r) / norm.
            let h = radius * Self.triangleHalfHeight
            let norm = (4 * h * h + radius * radius).squareRoot()
            let slanted = (2 * h * abs(dx) - radius * dy - radius * h) / norm
            return max(dy - h, slanted)
        }
    }

    /// The pixel rectangle that can have nonzero coverage, clipped to the image.
    public func pixelBounds(width: Int, height: Int) -> (x: Range<Int>, y: Range<Int>) {
        let reach = radius + 1
        let x0 = max(0, Int((centerX - reach).rounded(.down)))
        let x1 = min(width, Int((centerX + reach).rounded(.up)) + 1)
        let y0 = max(0, Int((centerY - reach).rounded(.down)))
        let y1 = min(height, Int((centerY + reach).rounded(.up)) + 1)
        return (x0..<max(x0, x1), y0..<max(y0, y1))
    }
}
