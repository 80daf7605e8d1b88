import Foundation

/// Peak signal-to-noise ratio between two 8-bit RGB images, over all pixels and all three channels.
///
/// `PSNR = 10 log10(255^2 / MSE)` with `MSE` the mean squared difference of the byte values. Identical images
/// give `+infinity`.
public enum PSNR {
    /// The PSNR in dB; throws `MetricsError.sizeMismatch` when the sizes differ.
    public static func compute(_ a: RGBImage, _ b: RGBImage) throws -> Double {
        let mse = try meanSquaredError(a, b)
        guard mse > 0 else { return .infinity }
        return 10 * log10(255 * 255 / mse)
    }

    /// The mean squared difference of the byte values (0...65025).
    public static func meanSquaredError(_ a: RGBImage, _ b: RGBImage) throws -> Double {
        try requireSameSize(a, b)
        var sum = 0
        for i in a.pixels.indices {
            let d = Int(a.pixels[i]) - Int(b.pixels[i])
            sum += d * d
        }
        return Double(sum) / Double(a.pixels.count)
    }

    /// Throws `MetricsError.sizeMismatch` unless `a` and `b` have the same size.
    static func requireSameSize(_ a: RGBImage, _ b: RGBImage) throws {
        guard a.width == b.width, a.height == b.height else {
            throw MetricsError.sizeMismatch("\(a.width)x\(a.height) vs \(b.width)x\(b.height)")
        }
    }
}
