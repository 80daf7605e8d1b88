import ECADShapes
import Testing

@testable import ECADMetrics

/// The FID analog on the embedded domain's own images: two samples of the same distribution are closer than
/// either is to a degraded copy, and the distance grows with blur.
struct RenderedShapesFrechetTests {
    static func renderedSet(seed: UInt64, count: Int) -> [RGBImage] {
        var sampler = ShapesSampler(seed: seed)
        let renderer = ShapesRenderer()
        return sampler.next(count).enumerated().map { index, prompt in
            RGBImage(renderer.render(prompt, seed: seed * 1000 + UInt64(index)))
        }
    }

    /// A 3x3 box blur with edge-clipped windows.
    static func blurred(_ image: RGBImage) -> RGBImage {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sums = [0, 0, 0], count = 0
                for yy in max(0, y - 1)...min(image.height - 1, y + 1) {
                    for xx in max(0, x - 1)...min(image.width - 1, x + 1) {
                        let color = image[xx, yy]
                        sums[0] += Int(color.red)
                        sums[1] += Int(color.green)
                        sums[2] += Int(color.blue)
                        count += 1
                    }
                }
                out[x, y] = RGBColor(red: UInt8(sums[0] / count), green: UInt8(sums[1] / count),
                                     blue: UInt8(sums[2] / count))
            }
        }
        return out
    }

    @Test func degradationIsFartherThanResampling() throws {
        let reference = Self.renderedSet(seed: 1, count: 64)
        let sample = Self.renderedSet(seed: 2, count: 64)
        let resampled = try FrechetDistance.compute(images1: reference, images2: sample)
        let noisy = sample.enumerated().map { TestImages.noisy($1, amplitude: 8, seed: UInt64($0)) }
        #expect(try FrechetDistance.compute(images1: reference, images2: noisy) > 2 * resampled)

        var previous = resampled
        var blurredSample = sample
        for _ in 0..<3 {
            blurredSample = blurredSample.map(Self.blurred)
            let distance = try FrechetDistance.compute(images1: reference, images2: blurredSample)
            #expect(distance > previous)
            previous = distance
        }
    }
}
