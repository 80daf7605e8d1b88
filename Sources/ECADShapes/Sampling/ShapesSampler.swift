/// Draws random training prompts from a seed, never a held-out combination (`ShapesHeldOut`).
///
/// Per prompt: single-object with probability `singleFraction`, else two objects; the background is black with
/// probability `1 - backgroundFraction`, else uniform over gray, navy and brown. Attributes are uniform; held-out
/// draws are rejected and redrawn, so every prompt of a given seed and index is fixed.
public struct ShapesSampler: Sendable {
    /// Probability of a single-object prompt.
    public let singleFraction: Double
    /// Probability of a non-default background.
    public let backgroundFraction: Double
    private var rng: ShapesRNG

    /// Creates a sampler.
    public init(seed: UInt64, singleFraction: Double = 0.6, backgroundFraction: Double = 0.5) {
        self.rng = ShapesRNG(seed: seed)
        self.singleFraction = singleFraction
        self.backgroundFraction = backgroundFraction
    }

    /// The next training prompt.
    public mutating func next() -> ShapesPrompt {
        while true {
            let prompt = draw()
            if !ShapesHeldOut.contains(prompt) { return prompt }
        }
    }

    /// The next `count` training prompts.
    public mutating func next(_ count: Int) -> [ShapesPrompt] {
        (0..<count).map { _ in next() }
    }

    private mutating func draw() -> ShapesPrompt {
        let background = rng.chance(backgroundFraction) ? pick([ShapesBackground.gray, .navy, .brown]) : .black
        if rng.chance(singleFraction) {
            return .single(
                pick(ShapesColor.allCases), pick(ShapesShape.allCases), size: pick(ShapesSize.allCases),
                at: pick(ShapesPosition.allCases), background: background)
        }
        let firstColor = pick(ShapesColor.allCases)
        let others = ShapesColor.allCases.filter { $0 != firstColor }
        let first = (firstColor, pick(ShapesShape.allCases))
        let second = (pick(others), pick(ShapesShape.allCases))
        let relation = pick(ShapesRelation.allCases)
        // The colors differ by construction, so `pair` cannot fail; fall back to a single object to stay total.
        return (try? ShapesPrompt.pair(first, relation, second, background: background))
            ?? .single(first.0, first.1, size: .small, at: .center, background: background)
    }

    private mutating func pick<T>(_ values: [T]) -> T {
        values[rng.index(values.count)]
    }
}
