/// Features 0..<64 of `ImageFeatureExtractor`: color moments, chroma, RGB octant histogram, 4x4 color layout.
enum ColorFeatures {
    /// The number of cells per side of the spatial color layout.
    static let layoutCells = 4

    /// Appends the 64 color features of `image` to `out`.
    static func append(_ image: RGBImage, to out: inout [Double]) {
        let n = Double(image.width * image.height)
        var sum = [Double](repeating: 0, count: 3)
        var chromaSum = 0.0
        var octants = [Double](repeating: 0, count: 8)
        let cells = layoutCells
        var cellSums = [Double](repeating: 0, count: cells * cells * 3)
        var cellCounts = [Double](repeating: 0, count: cells * cells)
        for y in 0..<image.height {
            let cellRow = y * cells / image.height
            for x in 0..<image.width {
                let i = (y * image.width + x) * 3
                let r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2]
                let cell = cellRow * cells + x * cells / image.width
                cellCounts[cell] += 1
                for c in 0..<3 {
                    let v = Double(image.pixels[i + c]) / 255
                    sum[c] += v
                    cellSums[cell * 3 + c] += v
                }
                let chroma = Double(max(r, g, b) - min(r, g, b)) / 255
                chromaSum += chroma
                octants[Int(r >> 7) << 2 | Int(g >> 7) << 1 | Int(b >> 7)] += 1
            }
        }
        let means = sum.map { $0 / n } + [chromaSum / n]
        let deviations = standardDeviations(image, means: means)
        out.append(contentsOf: means[0..<3])
        out.append(contentsOf: deviations[0..<3])
        out.append(contentsOf: [means[3], deviations[3]])
        out.append(contentsOf: octants.map { $0 / n })
        for cell in 0..<(cells * cells) {
            let count = max(1, cellCounts[cell])
            for c in 0..<3 { out.append(cellSums[cell * 3 + c] / count) }
        }
    }

    /// Population standard deviations of R, G, B and chroma around `means` (a second pass, so flat images
    /// give exactly 0).
    static func standardDeviations(_ image: RGBImage, means: [Double]) -> [Double] {
        var squares = [Double](repeating: 0, count: 4)
        for p in stride(from: 0, to: image.pixels.count, by: 3) {
            let r = image.pixels[p], g = image.pixels[p + 1], b = image.pixels[p + 2]
            let dr = Double(r) / 255 - means[0], dg = Double(g) / 255 - means[1], db = Double(b) / 255 - means[2]
            let dc = Double(max(r, g, b) - min(r, g, b)) / 255 - means[3]
            squares[0] += dr * dr
            squares[1] += dg * dg
            squares[2] += db * db
            squares[3] += dc * dc
        }
        let n = Double(image.width * image.height)
        return squares.map { ($0 / n).squareRoot() }
    }
}
