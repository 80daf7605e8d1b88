import Foundation

/// Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) between two 8-bit RGB images.
///
/// Standard parameters: an 11x11 Gaussian window with sigma 1.5 (normalized to sum 1), `K1 = 0.01`,
/// `K2 = 0.03`, dynamic range `L = 255`, local statistics over "valid" window positions only (a 32x32 image has
/// 22x22 of them), population (biased) local variances. The SSIM map is averaged over positions; `.rgb` computes
/// it per channel and averages the three channels (as pytorch-msssim and torchmetrics do), `.luminance` computes
/// it once on Rec. 601 luma `0.299 R + 0.587 G + 0.114 B`. Images smaller than the window use a window shrunk to
/// the image (odd size, same sigma).
public struct SSIM: Sendable {
    /// Which signal SSIM compares.
    public enum Mode: String, Sendable, Codable {
        /// Mean of the per-channel SSIM of R, G and B (the default).
        case rgb
        /// SSIM of the luma plane.
        case luminance
    }

    /// Window side (odd).
    public let windowSize: Int
    /// Gaussian sigma of the window.
    public let sigma: Double
    /// Which signal to compare.
    public let mode: Mode

    /// An SSIM with the given window; throws `MetricsError.invalidArgument` for an even or non-positive size or
    /// a non-positive sigma.
    public init(windowSize: Int = 11, sigma: Double = 1.5, mode: Mode = .rgb) throws {
        guard windowSize > 0, windowSize % 2 == 1 else {
            throw MetricsError.invalidArgument("SSIM windowSize must be odd and positive, got \(windowSize)")
        }
        guard sigma > 0, sigma.isFinite else { throw MetricsError.invalidArgument("SSIM sigma must be > 0") }
        self.windowSize = windowSize
        self.sigma = sigma
        self.mode = mode
    }

    /// The SSIM of the standard parameters (11x11, sigma 1.5, RGB mean).
    public static func compute(_ a: RGBImage, _ b: RGBImage) throws -> Double {
        try SSIM().compute(a, b)
    }

    /// The mean SSIM of `a` against `b`, in [-1, 1]; 1 for identical images.
    public func compute(_ a: RGBImage, _ b: RGBImage) throws -> Double {
        try PSNR.requireSameSize(a, b)
        let size = min(windowSize, oddFloor(min(a.width, a.height)))
        let window = gaussianWindow(size: size)
        switch mode {
        case .rgb:
            let total = (0..<3).reduce(0.0) { sum, c in
                sum + meanSSIM(plane(a, channel: c), plane(b, channel: c), width: a.width, height: a.height,
                               window: window, size: size)
            }
            return total / 3
        case .luminance:
            return meanSSIM(luma(a), luma(b), width: a.width, height: a.height, window: window, size: size)
        }
    }

    private func oddFloor(_ n: Int) -> Int { n % 2 == 1 ? n : n - 1 }

    private func gaussianWindow(size: Int) -> [Double] {
        let half = size / 2
        let line = (0..<size).map { exp(-Double(($0 - half) * ($0 - half)) / (2 * sigma * sigma)) }
        let total = line.reduce(0, +)
        let normalized = line.map { $0 / total }
        return normalized.flatMap { wy in normalized.map { wx in wy * wx } }
    }

    private func plane(_ image: RGBImage, channel: Int) -> [Double] {
        stride(from: channel, to: image.pixels.count, by: 3).map { Double(image.pixels[$0]) }
    }

    private func luma(_ image: RGBImage) -> [Double] {
        stride(from: 0, to: image.pixels.count, by: 3).map { (i: Int) -> Double in
            let r = Double(image.pixels[i]), g = Double(image.pixels[i + 1]), b = Double(image.pixels[i + 2])
            return 0.299 * r + 0.587 * g + 0.114 * b
        }
    }

    private func meanSSIM(_ x: [Double], _ y: [Double], width: Int, height: Int, window: [Double], size: Int)
        -> Double
    {
        let c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255)
        let outW = width - size + 1, outH = height - size + 1
        var total = 0.0
        for oy in 0..<outH {
            for ox in 0..<outW {
                var mx = 0.0, my = 0.0, xx = 0.0, yy = 0.0, xy = 0.0
                for wy in 0..<size {
                    for wx in 0..<size {
                        let w = window[wy * size + wx]
                        let i = (oy + wy) * width + ox + wx
                        mx += w * x[i]
                        my += w * y[i]
                        xx += w * x[i] * x[i]
                        yy += w * y[i] * y[i]
                        xy += w * x[i] * y[i]
                    }
                }
                let vx = xx - mx * mx, vy = yy - my * my, cov = xy - mx * my
                total += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
            }
        }
        return total / Double(outW * outH)
    }
}
