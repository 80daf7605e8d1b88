import Testing

@testable import ECADShapes

struct ShapesRewardTests {
    let renderer = ShapesRenderer()

    private func rendered(_ count: Int, seed: UInt64) -> [(ShapesPrompt, ShapesImage)] {
        var sampler = ShapesSampler(seed: seed)
        return sampler.next(count).enumerated().map {
            ($1, renderer.render($1, seed: ShapesRNG.imageSeed(base: seed, index: $0)))
        }
    }

    private func meanTotal(_ cases: [(ShapesPrompt, ShapesImage)], _ degrade: (ShapesImage) -> ShapesImage) -> Float {
        cases.map { ShapesReward.score(image: degrade($1), prompt: $0).total }.reduce(0, +) / Float(cases.count)
    }

    @Test func cleanJitteredRendersScoreNearOne() {
        let cases = rendered(300, seed: 1)
        let scores = cases.map { ShapesReward.score(image: $1, prompt: $0) }
        let mean = scores.map(\.total).reduce(0, +) / Float(scores.count)
        #expect(mean >= 0.98)
        #expect(scores.allSatisfy { $0.accuracy.all })
        #expect(scores.allSatisfy { $0.total >= 0 && $0.total <= 1 && $0.parts.allSatisfy { $0 >= 0 && $0 <= 1 } })
    }

    @Test func heldOutBenchmarkRendersScoreNearOne() {
        let prompts = ShapesPromptSets.make(.benchmark, seed: 1)
        let mean =
            prompts.enumerated().map { index, prompt in
                ShapesReward.score(image: renderer.render(prompt, seed: UInt64(index)), prompt: prompt).total
            }.reduce(0, +) / Float(prompts.count)
        #expect(mean >= 0.98)
    }

    @Test func fallsStrictlyWithBlur() {
        let cases = rendered(48, seed: 2)
        let levels: [Float] = [0, 0.5, 0.8, 1.2, 2]
        let means = levels.map { sigma in meanTotal(cases) { ShapesDegradation.blur(sigma: sigma).apply(to: $0) } }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "\(means)")
    }

    @Test func fallsStrictlyWithNoise() {
        let cases = rendered(48, seed: 3)
        let levels: [Float] = [0, 4, 8, 16, 32]
        let means = levels.map { sigma in
            meanTotal(cases) { ShapesDegradation.noise(sigma: sigma, seed: 9).apply(to: $0) }
        }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "\(means)")
    }

    @Test func fallsStrictlyWithSpeckle() {
        let cases = rendered(48, seed: 4)
        let levels: [Double] = [0, 0.01, 0.02, 0.05, 0.1]
        let means = levels.map { p in meanTotal(cases) { ShapesDegradation.speckle(fraction: p, seed: 9).apply(to: $0) }
        }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "\(means)")
    }

    @Test func mismatchedPromptsScoreLow() throws {
        let image = renderer.render(.single(.red, .circle, size: .small, at: .topLeft), seed: 1)
        let wrong: [ShapesPrompt] = [
            .single(.blue, .square, size: .large, at: .bottomRight, background: .gray),
            .single(.green, .circle, size: .small, at: .topLeft),
            .single(.red, .triangle, size: .small, at: .topLeft),
            .single(.red, .circle, size: .large, at: .topLeft),
            .single(.red, .circle, size: .small, at: .bottomRight),
            .single(.red, .circle, size: .small, at: .topLeft, background: .gray),
        ]
        for prompt in wrong {
            let score = ShapesReward.score(image: image, prompt: prompt)
            #expect(score.total < 0.5, "\(prompt): \(score.total)")
            #expect(!score.accuracy.all, "\(prompt)")
        }
        let right = ShapesReward.score(image: image, prompt: .single(.red, .circle, size: .small, at: .topLeft))
        #expect(right.total > 0.98)
    }

    @Test func attributeAccuracyNamesTheWrongAttribute() {
        let image = renderer.render(.single(.orange, .ring, size: .large, at: .center, background: .navy), seed: 3)
        let color = ShapesReward.score(
            image: image, prompt: .single(.red, .ring, size: .large, at: .center, background: .navy))
        #expect(!color.accuracy.color && color.accuracy.shape && color.accuracy.size == true)
        let shape = ShapesReward.score(
            image: image, prompt: .single(.orange, .circle, size: .large, at: .center, background: .navy))
        #expect(shape.accuracy.color && !shape.accuracy.shape && shape.accuracy.position == true)
        let size = ShapesReward.score(
            image: image, prompt: .single(.orange, .ring, size: .small, at: .center, background: .navy))
        #expect(size.accuracy.size == false && size.accuracy.shape)
        let position = ShapesReward.score(
            image: image, prompt: .single(.orange, .ring, size: .large, at: .left, background: .navy))
        #expect(position.accuracy.position == false && position.accuracy.color)
        let background = ShapesReward.score(image: image, prompt: .single(.orange, .ring, size: .large, at: .center))
        #expect(!background.accuracy.background && background.accuracy.shape)
    }

    @Test func swappedRelationScoresLow() throws {
        let prompt = try ShapesPrompt.parse("a yellow square left of a green ring")
        let image = renderer.render(prompt, seed: 8)
        let right = ShapesReward.score(image: image, prompt: prompt)
        #expect(right.total > 0.98 && right.accuracy.relation == true)
        let swapped = ShapesReward.score(
            image: image, prompt: try ShapesPrompt.parse("a green ring left of a yellow square"))
        #expect(swapped.total < 0.5 && swapped.accuracy.relation == false)
        let above = ShapesReward.score(
            image: image, prompt: try ShapesPrompt.parse("a yellow square above a green ring"))
        #expect(above.total < 0.5 && above.accuracy.relation == false)
    }

    @Test func emptyImageScoresNearZero() {
        let blank = ShapesImage(width: 32, height: 32, fill: ShapesBackground.black.rgb)
        let score = ShapesReward.score(image: blank, prompt: .single(.red, .circle, size: .small, at: .center))
        #expect(score.total < 0.1)
        #expect(!score.accuracy.color && !score.accuracy.shape)
    }

    @Test func tinyImagesDoNotTrap() throws {
        for (width, height) in [(1, 1), (1, 3), (3, 1), (2, 2)] {
            let image = ShapesImage(width: width, height: height, fill: ShapesRGB(200, 0, 0))
            let score = ShapesReward.score(image: image, prompt: .single(.red, .circle, size: .small, at: .center))
            #expect(score.total >= 0 && score.total <= 1)
        }
    }

    @Test func labDistancesSeparateThePalette() {
        let colors = ShapesColor.allCases.map { ShapesLab($0.rgb) }
        for (i, a) in colors.enumerated() {
            for b in colors[(i + 1)...] { #expect(a.distance(to: b) > 30) }
        }
        #expect(abs(ShapesLab(ShapesRGB(255, 255, 255)).l - 100) < 0.1)
        #expect(abs(ShapesLab(ShapesRGB(0, 0, 0)).l) < 0.1)
    }
}
