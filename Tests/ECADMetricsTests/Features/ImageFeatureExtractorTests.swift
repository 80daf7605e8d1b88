import Testing

@testable import ECADMetrics

struct ImageFeatureExtractorTests {
    let extractor = ImageFeatureExtractor()

    @Test func hasTheDocumentedDimension() {
        #expect(extractor.features(of: TestImages.textured).count == ImageFeatureExtractor.dimension)
        #expect(ImageFeatureExtractor.featureNames.count == ImageFeatureExtractor.dimension)
        #expect(Set(ImageFeatureExtractor.featureNames).count == ImageFeatureExtractor.dimension)
    }

    @Test func flatImageHasExactColorFeaturesAndNoGradients() throws {
        let image = try RGBImage(width: 32, height: 32, fill: RGBColor(red: 255, green: 51, blue: 0))
        let f = extractor.features(of: image)
        let expected: [Double] = [1, 0.2, 0, 0, 0, 0, 1, 0]  // means, standard deviations, chroma mean and std
        for (i, value) in expected.enumerated() { #expect(abs(f[i] - value) < 1e-12, "feature \(i)") }
        #expect(f[8 + 0b100] == 1 && f[8..<16].reduce(0, +) == 1)  // red octant only
        for cell in 0..<16 {
            for (c, value) in [1, 0.2, 0].enumerated() { #expect(abs(f[16 + cell * 3 + c] - value) < 1e-12) }
        }
        #expect(f[64..<104].allSatisfy { $0 == 0 })  // no gradients
        for (i, value) in f[104..<117].enumerated() { #expect(value == (i == 0 || i == 5 ? 1 : 0)) }  // all flat
    }

    @Test func layoutFindsASquareInItsCell() {
        // A white 8x8 square in the cell at row 1, column 2 of a black image.
        let image = TestImages.make { x, y, _ in (16..<24).contains(x) && (8..<16).contains(y) ? 255 : 0 }
        let f = extractor.features(of: image)
        for cell in 0..<16 { #expect(f[16 + cell * 3] == (cell == 1 * 4 + 2 ? 1 : 0)) }
    }

    @Test func verticalEdgeHasOnlyHorizontalGradients() {
        let image = TestImages.make { x, _, _ in x < 16 ? 0 : 255 }
        let f = extractor.features(of: image)
        for scale in 0..<3 {
            let histogram = Array(f[(64 + scale * 8)..<(72 + scale * 8)])
            #expect(histogram[0] > 0)
            #expect(histogram[1...].allSatisfy { abs($0) < 1e-12 })
        }
        // Quadrants: the edge (x = 15, 16) lies in the left and right quadrants of both rows.
        #expect(f[88] > 0 && f[92] > 0 && f[96] > 0 && f[100] > 0)
        // Magnitude bins at full scale: 2 of 32 columns carry the edge (255 / 2 / 255 = 0.5, the open bin).
        #expect(abs(f[104] - 30.0 / 32) < 1e-12 && abs(f[108] - 2.0 / 32) < 1e-12)
    }

    @Test func laplacianMeasuresNoise() throws {
        let clean = try RGBImage(width: 32, height: 32, fill: RGBColor(red: 128, green: 128, blue: 128))
        let flat = extractor.features(of: clean)
        let noisy = extractor.features(of: TestImages.noisy(clean, amplitude: 20, seed: 4))
        #expect(flat[114..<117].allSatisfy { $0 == 0 })
        #expect(noisy[114..<117].allSatisfy { $0 > 0.05 })
        #expect(noisy[104] < 0.1)  // almost no pixel stays flat
    }

    @Test func isDeterministic() {
        #expect(extractor.features(of: TestImages.textured) == extractor.features(of: TestImages.textured))
    }

    @Test func frechetOverImagesGrowsWithAColorShift() throws {
        let base = (0..<24).map { k in TestImages.make { x, y, c in (x * (k + 1) + y * 5 + c * 40 + k * 9) % 200 } }
        var previous = -1.0
        for shift in [0, 10, 30, 55] {
            let shifted = base.map { image in
                RGBImage(unchecked: image.width, image.height, image.pixels.map { UInt8(min(255, Int($0) + shift)) })
            }
            let distance = try FrechetDistance.compute(images1: base, images2: shifted)
            #expect(distance > previous)
            previous = distance
        }
        #expect(try FrechetDistance.compute(images1: base, images2: base) < 1e-9)
    }
}
