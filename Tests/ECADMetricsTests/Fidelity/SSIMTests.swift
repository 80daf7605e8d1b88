import Testing

@testable import ECADMetrics

struct SSIMTests {
    @Test func identicalImagesHaveSSIMOne() throws {
        #expect(abs(try SSIM.compute(TestImages.textured, TestImages.textured) - 1) < 1e-12)
        let luminance = try SSIM(mode: .luminance)
        #expect(abs(try luminance.compute(TestImages.textured, TestImages.textured) - 1) < 1e-12)
    }

    @Test func constantImagesGiveTheLuminanceTerm() throws {
        // Both images flat: variances and covariance are 0, so SSIM = (2 mx my + C1) / (mx^2 + my^2 + C1).
        let a = try RGBImage(width: 32, height: 32, fill: RGBColor(red: 100, green: 100, blue: 100))
        let b = try RGBImage(width: 32, height: 32, fill: RGBColor(red: 110, green: 110, blue: 110))
        let c1 = (0.01 * 255) * (0.01 * 255)
        let expected = (2 * 100 * 110 + c1) / (100 * 100 + 110 * 110 + c1)
        #expect(abs(try SSIM.compute(a, b) - expected) < 1e-12)
    }

    @Test func matchesNumpyReferenceValue() throws {
        // numpy: 11x11 Gaussian (sigma 1.5), valid windows, per-channel mean (skimage's definition).
        let b = TestImages.make { x, y, c in (x * 7 + y * 3 + c * 50) % 256 + (x * y + c) % 17 }
        #expect(abs(try SSIM.compute(TestImages.textured, b) - 0.9444656005963861) < 1e-10)
    }

    @Test func fallsAsNoiseGrows() throws {
        var previous = 1.0
        for amplitude in [2, 8, 24, 64] {
            let degraded = TestImages.noisy(TestImages.textured, amplitude: amplitude, seed: 9)
            let ssim = try SSIM.compute(TestImages.textured, degraded)
            #expect(ssim < previous)
            previous = ssim
        }
        #expect(previous < 0.9)
    }

    @Test func smallImagesUseAShrunkWindow() throws {
        let a = TestImages.make(size: 6) { x, y, c in x * 30 + y * 10 + c }
        let b = TestImages.noisy(a, amplitude: 20, seed: 3)
        let value = try SSIM.compute(a, b)
        #expect(value < 1 && value > 0)
    }

    @Test func refusesBadParameters() {
        #expect(throws: MetricsError.invalidArgument("SSIM windowSize must be odd and positive, got 8")) {
            try SSIM(windowSize: 8)
        }
        #expect(throws: MetricsError.self) { try SSIM(sigma: 0) }
    }
}
