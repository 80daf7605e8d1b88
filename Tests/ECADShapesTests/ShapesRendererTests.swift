import Testing

@testable import ECADShapes

struct ShapesRendererTests {
    let renderer = ShapesRenderer()

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let prompt = try ShapesPrompt.parse("a large blue triangle in the center on a gray background")
        let first = renderer.render(prompt, seed: 42)
        #expect(renderer.render(prompt, seed: 42) == first)
        #expect(renderer.render(prompt, seed: 43) != first)
        #expect(first.pixels.count == 32 * 32 * 3)
    }

    @Test func goldenChecksumPinsTheRendering() throws {
        // Pins the training data: if this changes, the trained model's data no longer matches the renderer.
        var sampler = ShapesSampler(seed: 1)
        let prompts = sampler.next(64)
        let seeds = (0..<64).map { ShapesRNG.imageSeed(base: 1, index: $0) }
        let bytes = renderer.renderBatch(prompts, seeds: seeds)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        #expect(hash == ShapesRendererTests.golden, "FNV-1a is \(String(hash, radix: 16))")
    }

    static let golden: UInt64 = 16_587_599_762_420_158_962

    @Test func batchMatchesSingleRenders() {
        var sampler = ShapesSampler(seed: 9)
        let prompts = sampler.next(600)
        let seeds = (0..<600).map { ShapesRNG.imageSeed(base: 9, index: $0) }
        let bytes = renderer.renderBatch(prompts, seeds: seeds)
        for index in [0, 1, 255, 256, 599] {
            let single = renderer.render(prompts[index], seed: seeds[index])
            #expect(Array(bytes[(index * 3072)..<((index + 1) * 3072)]) == single.pixels)
        }
    }

    @Test func objectsAppearWhereThePromptSays() throws {
        let prompt = ShapesPrompt.single(.red, .square, size: .small, at: .topLeft, background: .navy)
        let image = renderer.render(prompt, seed: 5)
        #expect(image[8, 8] == ShapesColor.red.rgb)
        #expect(image[24, 24] == ShapesBackground.navy.rgb)
        #expect(image[31, 0] == ShapesBackground.navy.rgb)
        let ring = renderer.render(.single(.white, .ring, size: .large, at: .center), seed: 5)
        #expect(ring[16, 16] == ShapesBackground.black.rgb)
        #expect(ring[16, 8] == ShapesColor.white.rgb)
        let pair = try ShapesPrompt.parse("a yellow circle above a cyan square")
        let placed = renderer.layout(pair, seed: 11)
        #expect(placed[0].centerY < placed[1].centerY - 12)
        let image2 = renderer.render(pair, seed: 11)
        #expect(image2[Int(placed[0].centerX), Int(placed[0].centerY)] == ShapesColor.yellow.rgb)
        #expect(image2[Int(placed[1].centerX), Int(placed[1].centerY)] == ShapesColor.cyan.rgb)
    }

    @Test func edgesAreAntialiasedAndObjectsStayInside() {
        var sampler = ShapesSampler(seed: 21)
        for (index, prompt) in sampler.next(300).enumerated() {
            let shapes = renderer.layout(prompt, seed: UInt64(index))
            for shape in shapes {
                #expect(shape.centerX - shape.radius > -1 && shape.centerX + shape.radius < 33)
                #expect(shape.centerY - shape.radius > -1 && shape.centerY + shape.radius < 33)
            }
        }
        let mask = renderer.rasterizer.coverage(ShapesPlacedShape(shape: .circle, centerX: 16, centerY: 16, radius: 6))
        #expect(mask.contains { $0 > 0 && $0 < 1 })
        let area = mask.reduce(0, +)
        #expect(abs(area - Float.pi * 36) < 1.5)
    }

    @Test func shapesHaveTheirDocumentedAreas() {
        let r: Float = 8
        func area(_ shape: ShapesShape) -> Float {
            renderer.rasterizer.coverage(ShapesPlacedShape(shape: shape, centerX: 16, centerY: 16, radius: r))
                .reduce(0, +)
        }
        let side = 2 * r * ShapesPlacedShape.squareHalfSide
        #expect(abs(area(.square) - side * side) < 3.5)  // 4x4 subsampling quantizes straight edges
        #expect(abs(area(.triangle) - 2 * r * r * ShapesPlacedShape.triangleHalfHeight) < 1.5)
        let inner = r * (1 - ShapesPlacedShape.ringThickness)
        #expect(abs(area(.ring) - Float.pi * (r * r - inner * inner)) < 1.5)
    }
}
