/// Features 64..<104 of `ImageFeatureExtractor`: oriented-gradient histograms of luminance.
///
/// Luminance is Rec. 601 luma, `(0.299 R + 0.587 G + 0.114 B) / 255`. Gradients are central differences with
/// edge-replicated borders, `gx = (L[x+1] - L[x-1]) / 2`, `gy` alike. Orientation is unsigned,
/// `atan2(gy, gx) mod pi`; each pixel adds its magnitude `sqrt(gx^2 + gy^2)` to the two nearest orientation
/// bins (bin centers `k * pi / bins`), split linearly by angular distance. Sums are divided by the pixel count.
enum GradientFeatures {
    /// Orientation bins of the multi-scale histograms.
    static let scaleBins = 8
    /// Orientation bins of the per-quadrant histograms.
    static let quadrantBins = 4

    /// Appends the 40 gradient features of `image` to `out`.
    static func append(_ image: RGBImage, to out: inout [Double]) {
        var plane = LuminancePlane(image)
        let full = plane
        for scale in 0..<3 {
            if scale > 0 { plane = plane.halved() }
            var histogram = [Double](repeating: 0, count: scaleBins)
            plane.forEachGradient { _, _, magnitude, angle in
                addSoft(magnitude, angle: angle, to: &histogram, offset: 0, bins: scaleBins)
            }
            out.append(contentsOf: histogram.map { $0 / Double(plane.width * plane.height) })
        }
        var quadrants = [Double](repeating: 0, count: 4 * quadrantBins)
        var quadrantCounts = [Double](repeating: 0, count: 4)
        full.forEachGradient { x, y, magnitude, angle in
            let quadrant = (y * 2 / full.height) * 2 + x * 2 / full.width
            quadrantCounts[quadrant] += 1
            addSoft(magnitude, angle: angle, to: &quadrants, offset: quadrant * quadrantBins, bins: quadrantBins)
        }
        for q in 0..<4 {
            for b in 0..<quadrantBins { out.append(quadrants[q * quadrantBins + b] / max(1, quadrantCounts[q])) }
        }
    }

    /// Adds `magnitude` to the two bins (of `bins`, starting at `offset`) nearest `angle` in [0, pi).
    static func addSoft(_ magnitude: Double, angle: Double, to histogram: inout [Double], offset: Int, bins: Int) {
        let position = angle / Double.pi * Double(bins)
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        histogram[offset + (lower % bins + bins) % bins] += magnitude * (1 - fraction)
        histogram[offset + ((lower + 1) % bins + bins) % bins] += magnitude * fraction
    }
}
