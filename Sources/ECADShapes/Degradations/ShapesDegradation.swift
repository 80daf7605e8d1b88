import Foundation

/// Seeded image degradations, used to check that the reward falls as images get worse.
public enum ShapesDegradation: Sendable, Hashable {
    /// Separable Gaussian blur with this standard deviation in pixels (edges clamped).
    case blur(sigma: Float)
    /// Additive Gaussian noise with this standard deviation in 8-bit units, per channel.
    case noise(sigma: Float, seed: UInt64)
    /// This fraction of pixels replaced by uniformly random colors.
    case speckle(fraction: Double, seed: UInt64)

    /// The degraded image.
    public func apply(to image: ShapesImage) -> ShapesImage {
        var out = image
        switch self {
        case .blur(let sigma):
            out.pixels = Self.blur(image, sigma: sigma)
        case .noise(let sigma, let seed):
            var rng = ShapesRNG(seed: seed)
            for i in out.pixels.indices {
                // Box-Muller.
                let u = max(Float.leastNormalMagnitude, rng.uniform(0, 1))
                let v = rng.uniform(0, 1)
                let z = (-2 * log(u)).squareRoot() * cos(2 * Float.pi * v)
                out.pixels[i] = UInt8(min(255, max(0, (Float(out.pixels[i]) + sigma * z).rounded())))
            }
        case .speckle(let fraction, let seed):
            var rng = ShapesRNG(seed: seed)
            for p in 0..<(image.width * image.height) where rng.chance(fraction) {
                for c in 0..<3 { out.pixels[p * 3 + c] = UInt8(truncatingIfNeeded: rng.next()) }
            }
        }
        return out
    }

    private static func blur(_ image: ShapesImage, sigma: Float) -> [UInt8] {
        guard sigma > 0 else { return image.pixels }
        let radius = Int((3 * sigma).rounded(.up))
        var kernel = (-radius...radius).map { exp(-Float($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        let w = image.width
        let h = image.height
        var plane = image.pixels.map(Float.init)
        for horizontal in [true, false] {
            var next = plane
            for y in 0..<h {
                for x in 0..<w {
                    for c in 0..<3 {
                        var sum: Float = 0
                        for (k, weight) in kernel.enumerated() {
                            let sx = horizontal ? min(w - 1, max(0, x + k - radius)) : x
                            let sy = horizontal ? y : min(h - 1, max(0, y + k - radius))
                            sum += weight * plane[(sy * w + sx) * 3 + c]
                        }
                        next[(y * w + x) * 3 + c] = sum
                    }
                }
            }
            plane = next
        }
        return plane.map { UInt8(min(255, max(0, $0.rounded()))) }
    }
}
