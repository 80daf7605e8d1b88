import Foundation

/// A luminance image in [0, 1], row-major.
struct LuminancePlane {
    let width: Int
    let height: Int
    var values: [Double]

    init(_ image: RGBImage) {
        width = image.width
        height = image.height
        values = (0..<(width * height)).map { i in
            let p = i * 3
            return (0.299 * Double(image.pixels[p]) + 0.587 * Double(image.pixels[p + 1])
                + 0.114 * Double(image.pixels[p + 2])) / 255
        }
    }

    private init(width: Int, height: Int, values: [Double]) {
        self.width = width
        self.height = height
        self.values = values
    }

    /// The plane at half resolution by 2x2 box averaging (a trailing odd row or column is dropped; never
    /// smaller than 1x1).
    func halved() -> LuminancePlane {
        let w = max(1, width / 2), h = max(1, height / 2)
        var out = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let top = min(height - 1, 2 * y) * width, bottom = min(height - 1, 2 * y + 1) * width
                let left = min(width - 1, 2 * x), right = min(width - 1, 2 * x + 1)
                out[y * w + x] = (values[top + left] + values[top + right] + values[bottom + left]
                    + values[bottom + right]) / 4
            }
        }
        return LuminancePlane(width: w, height: h, values: out)
    }

    /// Calls `body(x, y, magnitude, angle)` for every pixel (flat ones too, with magnitude 0), angle in [0, pi).
    func forEachGradient(_ body: (Int, Int, Double, Double) -> Void) {
        for y in 0..<height {
            for x in 0..<width {
                let gx = (values[y * width + min(width - 1, x + 1)] - values[y * width + max(0, x - 1)]) / 2
                let gy = (values[min(height - 1, y + 1) * width + x] - values[max(0, y - 1) * width + x]) / 2
                let magnitude = (gx * gx + gy * gy).squareRoot()
                var angle = atan2(gy, gx)
                if angle < 0 { angle += Double.pi }
                if angle >= Double.pi { angle -= Double.pi }
                body(x, y, magnitude, angle)
            }
        }
    }
}
