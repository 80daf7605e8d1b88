/// An 8-bit RGB image, row-major HWC: the byte of channel `c` of pixel `(x, y)` is `pixels[(y * width + x) * 3 + c]`.
///
/// The embedded domain's images are 32x32; every function here takes any positive size.
public struct RGBImage: Sendable, Equatable, Hashable {
    /// Width in pixels (> 0).
    public let width: Int
    /// Height in pixels (> 0).
    public let height: Int
    /// `width * height * 3` bytes, row-major, channels R, G, B.
    public private(set) var pixels: [UInt8]

    /// Wraps a pixel buffer; throws `MetricsError.invalidImage` unless it holds exactly `width * height * 3` bytes.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0 else {
            throw MetricsError.invalidImage("dimensions must be positive, got \(width)x\(height)")
        }
        guard pixels.count == width * height * 3 else {
            throw MetricsError.invalidImage(
                "\(width)x\(height) RGB needs \(width * height * 3) bytes, got \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image filled with one color; throws `MetricsError.invalidImage` for a non-positive size.
    public init(width: Int, height: Int, fill: RGBColor) throws {
        guard width > 0, height > 0 else {
            throw MetricsError.invalidImage("dimensions must be positive, got \(width)x\(height)")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: pixels.count, by: 3) {
            pixels[i] = fill.red
            pixels[i + 1] = fill.green
            pixels[i + 2] = fill.blue
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The color at `(x, y)`; the caller keeps the coordinates in range.
    public subscript(x: Int, y: Int) -> RGBColor {
        get {
            let i = (y * width + x) * 3
            return RGBColor(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2])
        }
        set {
            let i = (y * width + x) * 3
            pixels[i] = newValue.red
            pixels[i + 1] = newValue.green
            pixels[i + 2] = newValue.blue
        }
    }

    /// Fills the rectangle `[x, x + w) x [y, y + h)`, clipped to the image.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: RGBColor) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 { self[xx, yy] = color }
        }
    }

    /// Copies `image` with its top-left corner at `(x, y)`, clipped to this image.
    public mutating func paste(_ image: RGBImage, x: Int, y: Int) {
        for sy in 0..<image.height where y + sy >= 0 && y + sy < height {
            for sx in 0..<image.width where x + sx >= 0 && x + sx < width {
                self[x + sx, y + sy] = image[sx, sy]
            }
        }
    }

    /// The image enlarged `factor` times by nearest-neighbour (pixel replication); `factor` < 1 is treated as 1.
    public func upscaled(by factor: Int) -> RGBImage {
        let f = max(1, factor)
        guard f > 1 else { return self }
        var out = [UInt8](repeating: 0, count: width * f * height * f * 3)
        let outWidth = width * f
        for y in 0..<(height * f) {
            for x in 0..<outWidth {
                let src = ((y / f) * width + x / f) * 3
                let dst = (y * outWidth + x) * 3
                out[dst] = pixels[src]
                out[dst + 1] = pixels[src + 1]
                out[dst + 2] = pixels[src + 2]
            }
        }
        return RGBImage(unchecked: outWidth, height * f, out)
    }

    /// Builds an image whose buffer size the caller has already made right.
    init(unchecked width: Int, _ height: Int, _ pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
