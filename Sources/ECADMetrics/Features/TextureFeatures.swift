/// Features 104..<117 of `ImageFeatureExtractor`: how flat, noisy or sharp the image is.
///
/// Shapes images are flat regions with sharp edges, so degradation shows first here: noise empties the "flat"
/// bin and raises the Laplacian, blur moves edge pixels to weaker magnitude bins.
enum TextureFeatures {
    /// Upper bin edges of the gradient-magnitude histogram (luma units, 0...1); the last bin is open.
    /// 0.5/255 separates exactly flat pixels (quantized luma does not change) from the rest.
    static let magnitudeEdges = [0.5 / 255, 0.02, 0.06, 0.15]

    /// Appends the 13 texture features of `image` to `out`: the fraction of pixels in each of 5 gradient-magnitude
    /// bins at full and half resolution (10), then the mean absolute 4-neighbour Laplacian of R, G, B (3).
    static func append(_ image: RGBImage, to out: inout [Double]) {
        let full = LuminancePlane(image)
        for plane in [full, full.halved()] {
            var histogram = [Double](repeating: 0, count: magnitudeEdges.count + 1)
            plane.forEachGradient { _, _, magnitude, _ in
                histogram[magnitudeEdges.firstIndex { magnitude < $0 } ?? magnitudeEdges.count] += 1
            }
            out.append(contentsOf: histogram.map { $0 / Double(plane.width * plane.height) })
        }
        var laplacian = [Int](repeating: 0, count: 3)
        let w = image.width, h = image.height
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<h {
                let up = max(0, y - 1) * w, down = min(h - 1, y + 1) * w, row = y * w
                for x in 0..<w {
                    let left = row + max(0, x - 1), right = row + min(w - 1, x + 1)
                    for c in 0..<3 {
                        let centre = 4 * Int(p[(row + x) * 3 + c])
                        let sum = Int(p[left * 3 + c]) + Int(p[right * 3 + c]) + Int(p[(up + x) * 3 + c])
                            + Int(p[(down + x) * 3 + c])
                        laplacian[c] += abs(centre - sum)
                    }
                }
            }
        }
        out.append(contentsOf: laplacian.map { Double($0) / 255 / Double(w * h) })
    }
}
