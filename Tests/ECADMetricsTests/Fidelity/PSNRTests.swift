import Foundation
import Testing

@testable import ECADMetrics

struct PSNRTests {
    @Test func identicalImagesHaveInfinitePSNR() throws {
        #expect(try PSNR.compute(TestImages.textured, TestImages.textured) == .infinity)
    }

    @Test func constantOffsetMatchesTheFormula() throws {
        let darker = TestImages.make { x, _, _ in 100 + x }
        let lighter = TestImages.make { x, _, _ in 110 + x }
        #expect(try PSNR.meanSquaredError(darker, lighter) == 100)
        #expect(abs(try PSNR.compute(darker, lighter) - 10 * log10(65025.0 / 100)) < 1e-12)
    }

    @Test func matchesNumpyReferenceValue() throws {
        let b = TestImages.make { x, y, c in (x * 7 + y * 3 + c * 50) % 256 + (x * y + c) % 17 }
        #expect(abs(try PSNR.compute(TestImages.textured, b) - 29.145915774412877) < 1e-9)
    }

    @Test func fallsAsNoiseGrows() throws {
        var previous = Double.infinity
        for amplitude in [2, 8, 24, 64] {
            let degraded = TestImages.noisy(TestImages.textured, amplitude: amplitude, seed: 7)
            let psnr = try PSNR.compute(TestImages.textured, degraded)
            #expect(psnr < previous)
            previous = psnr
        }
    }

    @Test func refusesDifferentSizes() throws {
        let small = try RGBImage(width: 16, height: 16, fill: .black)
        #expect(throws: MetricsError.sizeMismatch("32x32 vs 16x16")) { try PSNR.compute(TestImages.textured, small) }
    }
}
