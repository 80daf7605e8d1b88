import ECADEngine

/// An 8-bit RGB image, row-major, 3 bytes per pixel.
public struct RGBImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `height * width * 3` bytes.
    public let pixels: [UInt8]

    /// Converts sample `index` of model output `[N, 3, H, W]` in [-1, 1] with `round((x + 1) / 2 * 255)`, clamped.
    public init(sample images: Tensor, index: Int) throws {
        guard images.rank == 4, images.shape[1] == 3, (0..<images.shape[0]).contains(index) else {
            throw WorkerError("images \(images.shape) have no RGB sample \(index)")
        }
        let (h, w) = (images.shape[2], images.shape[3])
        var pixels = [UInt8](repeating: 0, count: h * w * 3)
        for c in 0..<3 {
            for y in 0..<h {
                for x in 0..<w {
                    let value = images.scalars[((index * 3 + c) * h + y) * w + x]
                    let scaled = ((value + 1) / 2 * 255).rounded()
                    pixels[(y * w + x) * 3 + c] = UInt8(max(0, min(255, scaled.isNaN ? 0 : scaled)))
                }
            }
        }
        self.width = w
        self.height = h
        self.pixels = pixels
    }
}
