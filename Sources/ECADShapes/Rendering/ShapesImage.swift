import Foundation

/// An 8-bit RGB image, row-major HWC: pixel (x, y) channel c is `pixels[(y * width + x) * 3 + c]`.
public struct ShapesImage: Sendable, Hashable {
    /// Image width in pixels.
    public let width: Int
    /// Image height in pixels.
    public let height: Int
    /// `[H, W, 3]` bytes.
    public var pixels: [UInt8]

    /// Creates an image from HWC RGB bytes.
    /// - Throws: `ShapesError.badImage` if `pixels.count != width * height * 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, pixels.count == width * height * 3 else {
            throw ShapesError.badImage(reason: "\(pixels.count) bytes for a \(width)x\(height) RGB image")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A solid image (width and height must be positive).
    public init(width: Int, height: Int, fill: ShapesRGB) {
        precondition(width > 0 && height > 0, "ShapesImage needs a positive size, not \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            pixels[index * 3] = fill.r
            pixels[index * 3 + 1] = fill.g
            pixels[index * 3 + 2] = fill.b
        }
    }

    /// The color of pixel (x, y).
    public subscript(x: Int, y: Int) -> ShapesRGB {
        let base = (y * width + x) * 3
        return ShapesRGB(pixels[base], pixels[base + 1], pixels[base + 2])
    }

    /// The image as a PNG file (8-bit RGB, uncompressed deflate).
    public func pngData() -> Data {
        PNGEncoder.encodeChecked(pixels: pixels, width: width, height: height, channels: 3)
    }
}

extension ShapesImage {
    /// Creates an image whose byte count the caller guarantees.
    init(width: Int, height: Int, validated pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
