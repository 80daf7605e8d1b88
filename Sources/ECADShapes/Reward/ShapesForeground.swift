/// Separates an image into background and candidate objects, without one global threshold:
/// the background color is the per-channel median of the border pixels; candidates are 8-connected components
/// grown by hysteresis (seeds at CIELAB distance >= `strong` from the background, grown through pixels >= `weak`),
/// each with its own core color (per-channel median of its pixels within 90 % of its 90th-percentile contrast).
struct ShapesForeground {
    /// Seed contrast (Delta E to the background).
    static let strong: Float = 25
    /// Growth contrast.
    static let weak: Float = 12
    /// Components smaller than this many pixels are clutter, not objects.
    static let minimumPixels = 4

    /// A candidate object.
    struct Component {
        /// Pixel indices (y * width + x).
        var pixels: [Int]
        /// Core color, sRGB 0...255.
        var color: SIMD3<Float>
        /// Core color in Lab.
        var lab: ShapesLab
        /// The pixel indices within `margin` pixels of the component's bounding box.
        func window(margin: Int, width: Int, height: Int) -> [Int] {
            let xs = pixels.map { $0 % width }
            let ys = pixels.map { $0 / width }
            let x0 = max(0, (xs.min() ?? 0) - margin)
            let x1 = min(width - 1, (xs.max() ?? 0) + margin)
            let y0 = max(0, (ys.min() ?? 0) - margin)
            let y1 = min(height - 1, (ys.max() ?? 0) + margin)
            return (y0...y1).flatMap { y in (x0...x1).map { y * width + $0 } }
        }
    }

    let width: Int
    let height: Int
    /// `[H * W]` sRGB colors, 0...255.
    let rgb: [SIMD3<Float>]
    /// Estimated background color, sRGB.
    let background: SIMD3<Float>
    /// Estimated background color, Lab.
    let backgroundLab: ShapesLab
    /// `[H * W]` Delta E of each pixel to the background.
    let contrast: [Float]
    /// Candidates, largest first.
    let components: [Component]

    init(_ image: ShapesImage) {
        width = image.width
        height = image.height
        let count = width * height
        var rgb = [SIMD3<Float>](repeating: .zero, count: count)
        for i in 0..<count {
            rgb[i] = SIMD3(Float(image.pixels[i * 3]), Float(image.pixels[i * 3 + 1]), Float(image.pixels[i * 3 + 2]))
        }
        self.rgb = rgb
        background = Self.borderMedian(rgb, width: width, height: height)
        let backgroundLab = ShapesLab(r: background.x, g: background.y, b: background.z)
        self.backgroundLab = backgroundLab
        contrast = (0..<count).map { i in
            let x = i % image.width
            return ShapesLab(image[x, i / image.width]).distance(to: backgroundLab)
        }
        components = Self.components(rgb: rgb, contrast: contrast, width: width, height: height)
    }

    private static func borderMedian(_ rgb: [SIMD3<Float>], width: Int, height: Int) -> SIMD3<Float> {
        var border: [SIMD3<Float>] = []
        for x in 0..<width { border += [rgb[x], rgb[(height - 1) * width + x]] }
        for y in stride(from: 1, to: height - 1, by: 1) { border += [rgb[y * width], rgb[y * width + width - 1]] }
        func median(_ values: [Float]) -> Float { values.sorted()[values.count / 2] }
        return SIMD3(median(border.map(\.x)), median(border.map(\.y)), median(border.map(\.z)))
    }

    private static func components(rgb: [SIMD3<Float>], contrast: [Float], width: Int, height: Int) -> [Component] {
        var label = [Bool](repeating: false, count: contrast.count)
        var found: [Component] = []
        for seed in contrast.indices where contrast[seed] >= strong && !label[seed] {
            var pixels = [seed]
            label[seed] = true
            var head = 0
            while head < pixels.count {
                let p = pixels[head]
                head += 1
                let px = p % width
                let py = p / width
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = px + dx
                        let ny = py + dy
                        guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                        let q = ny * width + nx
                        if !label[q], contrast[q] >= weak {
                            label[q] = true
                            pixels.append(q)
                        }
                    }
                }
            }
            if pixels.count >= minimumPixels { found.append(component(pixels, rgb: rgb, contrast: contrast)) }
        }
        return found.sorted { $0.pixels.count > $1.pixels.count }
    }

    private static func component(_ pixels: [Int], rgb: [SIMD3<Float>], contrast: [Float]) -> Component {
        let sorted = pixels.map { contrast[$0] }.sorted()
        let cutoff = 0.9 * sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        let core = pixels.filter { contrast[$0] >= cutoff }.map { rgb[$0] }
        func median(_ values: [Float]) -> Float { values.sorted()[values.count / 2] }
        let color = SIMD3(median(core.map(\.x)), median(core.map(\.y)), median(core.map(\.z)))
        return Component(pixels: pixels, color: color, lab: ShapesLab(r: color.x, g: color.y, b: color.z))
    }
}
