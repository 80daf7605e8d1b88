import Testing

@testable import ECADShapes

struct ShapesDegradationTests {
    let image = ShapesRenderer().render(.single(.white, .square, size: .large, at: .center), seed: 1)

    @Test func blurKeepsMeanAndSoftensEdges() {
        let blurred = ShapesDegradation.blur(sigma: 1.5).apply(to: image)
        let before = image.pixels.map(Int.init).reduce(0, +)
        let after = blurred.pixels.map(Int.init).reduce(0, +)
        #expect(abs(before - after) < before / 50)
        #expect(blurred[16, 16] == image[16, 16])
        #expect(blurred.pixels.filter { $0 > 0 && $0 < 245 }.count > image.pixels.filter { $0 > 0 && $0 < 245 }.count)
        #expect(ShapesDegradation.blur(sigma: 0).apply(to: image) == image)
    }

    @Test func noiseIsSeededAndScalesWithSigma() {
        let a = ShapesDegradation.noise(sigma: 10, seed: 1).apply(to: image)
        #expect(a == ShapesDegradation.noise(sigma: 10, seed: 1).apply(to: image))
        #expect(a != ShapesDegradation.noise(sigma: 10, seed: 2).apply(to: image))
        func deviation(_ other: ShapesImage) -> Double {
            zip(image.pixels, other.pixels).map { abs(Double($0) - Double($1)) }.reduce(0, +)
        }
        #expect(deviation(ShapesDegradation.noise(sigma: 20, seed: 1).apply(to: image)) > deviation(a))
    }

    @Test func speckleChangesAboutTheGivenFraction() {
        let speckled = ShapesDegradation.speckle(fraction: 0.1, seed: 4).apply(to: image)
        let changed = (0..<1024).filter { speckled[$0 % 32, $0 / 32] != image[$0 % 32, $0 / 32] }.count
        #expect(changed > 60 && changed < 150)
    }
}
