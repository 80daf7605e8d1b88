@testable import ECADMetrics
import ECADSearch

/// Images built from formulas for the tests.
enum TestImages {
    /// A 32x32 (or `size`) image whose channel `c` at `(x, y)` is `f(x, y, c)` clamped to 0...255.
    static func make(size: Int = 32, _ f: (Int, Int, Int) -> Int) -> RGBImage {
        var pixels: [UInt8] = []
        for y in 0..<size {
            for x in 0..<size {
                for c in 0..<3 { pixels.append(UInt8(max(0, min(255, f(x, y, c))))) }
            }
        }
        return RGBImage(unchecked: size, size, pixels)
    }

    /// A deterministic textured image.
    static let textured = make { x, y, c in (x * 7 + y * 3 + c * 50) % 256 }

    /// `image` with seeded uniform noise of +-`amplitude` added to every byte.
    static func noisy(_ image: RGBImage, amplitude: Int, seed: UInt64) -> RGBImage {
        var generator = SplitMix64(seed: seed)
        let pixels = image.pixels.map { byte in
            UInt8(max(0, min(255, Int(byte) + Int.random(in: -amplitude...amplitude, using: &generator))))
        }
        return RGBImage(unchecked: image.width, image.height, pixels)
    }
}
