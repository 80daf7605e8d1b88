/// How one prompt object reads back from an image: its soft mask, mass, centroid, and the best fit of every
/// shape kind (radius from the mask's area, center from its centroid, soft IoU against the ideal rendering).
struct ShapesObjectFit {
    /// The fit of one shape kind.
    struct ShapeFit {
        /// The ideal placement: radius fitted to the observed area, centroid aligned.
        var placed: ShapesPlacedShape
        /// Soft IoU `sum(min(alpha, ideal)) / sum(max(alpha, ideal))`.
        var iou: Float
    }

    /// Observed core color, sRGB.
    let color: SIMD3<Float>
    /// `[H * W]` soft ownership in [0, 1].
    let alpha: [Float]
    /// Sum of alpha (area in pixels).
    let mass: Float
    /// One fit per `ShapesShape.allCases`, in that order.
    let fits: [ShapeFit]

    /// Area of each shape kind per squared radius (matches `ShapesPlacedShape`'s geometry).
    static func areaPerRadiusSquared(_ shape: ShapesShape) -> Float {
        switch shape {
        case .circle: Float.pi
        case .square: 4 * ShapesPlacedShape.squareHalfSide * ShapesPlacedShape.squareHalfSide
        case .triangle: 2 * ShapesPlacedShape.triangleHalfHeight
        case .ring:
            Float.pi * (1 - (1 - ShapesPlacedShape.ringThickness) * (1 - ShapesPlacedShape.ringThickness))
        }
    }

    /// Vertical offset of the area centroid below the bounding-box center, per unit radius (triangles only).
    static func centroidDrop(_ shape: ShapesShape) -> Float {
        shape == .triangle ? ShapesPlacedShape.triangleHalfHeight / 3 : 0
    }

    /// Soft ownership of each pixel for an object of color `color` over `background` (sRGB): the unmixing
    /// coefficient t along the background-to-color line, clamped to [0, 1], times
    /// `clamp(1 - (d - 16) / 32, 0, 1)` with d the pixel's distance from that line (sRGB units).
    static func alpha(rgb: [SIMD3<Float>], background: SIMD3<Float>, color: SIMD3<Float>) -> [Float] {
        let axis = color - background
        let norm2 = (axis * axis).sum()
        guard norm2 > 1 else { return [Float](repeating: 0, count: rgb.count) }
        return rgb.map { pixel in
            let offset = pixel - background
            let t = (offset * axis).sum() / norm2
            let residual = offset - t * axis
            let distance = (residual * residual).sum().squareRoot()
            return min(1, max(0, t)) * min(1, max(0, 1 - (distance - 16) / 32))
        }
    }

    init(color: SIMD3<Float>, alpha: [Float], rasterizer: ShapesRasterizer) {
        self.color = color
        self.alpha = alpha
        let width = rasterizer.width
        var mass: Float = 0
        var sx: Float = 0
        var sy: Float = 0
        for (i, a) in alpha.enumerated() where a > 0 {
            mass += a
            sx += a * (Float(i % width) + 0.5)
            sy += a * (Float(i / width) + 0.5)
        }
        self.mass = mass
        let cx = sx / max(mass, 1e-6)
        let cy = sy / max(mass, 1e-6)
        fits = ShapesShape.allCases.map { shape in
            let radius = (mass / Self.areaPerRadiusSquared(shape)).squareRoot()
            let placed = ShapesPlacedShape(
                shape: shape, centerX: cx, centerY: cy - Self.centroidDrop(shape) * radius, radius: radius)
            var overlap: Float = 0
            var union: Float = 0
            var covered = [Float](repeating: 0, count: alpha.count)
            rasterizer.forEachCovered(placed) { x, y, c in covered[y * width + x] = c }
            for i in alpha.indices {
                overlap += min(alpha[i], covered[i])
                union += max(alpha[i], covered[i])
            }
            return ShapeFit(placed: placed, iou: union > 0 ? overlap / union : 0)
        }
    }

    /// The fit of one shape kind.
    func fit(_ shape: ShapesShape) -> ShapeFit {
        fits[ShapesHeldOut.caseIndex(shape)]
    }
}
