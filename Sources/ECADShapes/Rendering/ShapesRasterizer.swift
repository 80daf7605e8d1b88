/// Antialiased coverage of a placed shape: the fraction of an `n x n` grid of subsamples inside the shape, per
/// pixel. This equals rendering at n-times resolution and box-downsampling, but only pixels near the outline
/// (|signed distance| at the pixel center below 0.75 px) are subsampled; the rest are exactly 0 or 1.
public struct ShapesRasterizer: Sendable {
    /// Subsamples per pixel side.
    public let supersample: Int
    /// Image width.
    public let width: Int
    /// Image height.
    public let height: Int

    /// Creates a rasterizer (4x4 subsamples per pixel on 32x32 by default).
    public init(width: Int = 32, height: Int = 32, supersample: Int = 4) {
        self.width = width
        self.height = height
        self.supersample = max(1, supersample)
    }

    /// Calls `body(x, y, coverage)` for every pixel in the shape's bounds with coverage > 0.
    public func forEachCovered(_ shape: ShapesPlacedShape, _ body: (Int, Int, Float) -> Void) {
        let bounds = shape.pixelBounds(width: width, height: height)
        let n = supersample
        let step = 1 / Float(n)
        let inverseCount = 1 / Float(n * n)
        for y in bounds.y {
            for x in bounds.x {
                let d = shape.signedDistance(Float(x) + 0.5, Float(y) + 0.5)
                if d >= 0.75 { continue }
                if d <= -0.75 {
                    body(x, y, 1)
                    continue
                }
                var inside = 0
                for sy in 0..<n {
                    let py = Float(y) + (Float(sy) + 0.5) * step
                    for sx in 0..<n where shape.signedDistance(Float(x) + (Float(sx) + 0.5) * step, py) < 0 {
                        inside += 1
                    }
                }
                if inside > 0 { body(x, y, Float(inside) * inverseCount) }
            }
        }
    }

    /// The coverage mask, `[H, W]` in [0, 1].
    public func coverage(_ shape: ShapesPlacedShape) -> [Float] {
        var mask = [Float](repeating: 0, count: width * height)
        forEachCovered(shape) { x, y, c in mask[y * width + x] = c }
        return mask
    }
}
