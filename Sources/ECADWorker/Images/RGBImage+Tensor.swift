import ECADEngine
import ECADMetrics

extension RGBImage {
    /// Converts sample `index` of model output `[N, 3, H, W]` in [-1, 1] with `round((x + 1) / 2 * 255)`, clamped
    /// (NaN becomes 0).
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
        try self.init(width: w, height: h, pixels: pixels)
    }
}
