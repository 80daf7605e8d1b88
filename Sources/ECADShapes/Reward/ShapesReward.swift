import Foundation

/// The shapes32 reward (the ImageReward analog): reads color, shape, size and position back from an image and
/// scores agreement with the prompt as a continuous value in [0, 1]. Formulas: docs/shapes32.md, "Reward".
public enum ShapesReward {
    /// Version of the scoring rules; part of every evaluation's cache key.
    public static let version = "shapes32-reward/1"
    /// Softmax temperature of the shape part over the soft IoUs of the four shapes.
    static let shapeTemperature: Float = 0.02
    /// Pixels around a matched component's bounding box in which its ownership mask is measured.
    static let windowMargin = 2
    /// Floor of each part inside the geometric mean.
    static let partFloor: Float = 0.01

    /// Scores one image (any size; the geometry assumes the 32x32 canvas) against a prompt.
    public static func score(image: ShapesImage, prompt: ShapesPrompt) -> RewardBreakdown {
        let scene = ShapesForeground(image)
        let rasterizer = ShapesRasterizer(width: image.width, height: image.height, supersample: 4)
        let matched = matchComponents(prompt, scene)
        let colors = matched.map { $0?.color }
        var alphas = matched.map { component in
            component.map { component in
                // Ownership is measured only near the object: clutter elsewhere is the background part's business.
                let full = ShapesObjectFit.alpha(rgb: scene.rgb, background: scene.background, color: component.color)
                var windowed = [Float](repeating: 0, count: full.count)
                for i in component.window(margin: windowMargin, width: scene.width, height: scene.height) {
                    windowed[i] = full[i]
                }
                return windowed
            }
        }
        if alphas.count == 2, let first = alphas[0], let second = alphas[1] {
            // Each pixel belongs to the object that explains it better.
            alphas[0] = zip(first, second).map { $0 >= $1 ? $0 : 0 }
            alphas[1] = zip(first, second).map { $1 > $0 ? $1 : 0 }
        }
        let fits: [ShapesObjectFit?] = zip(colors, alphas).map { color, alpha in
            guard let color, let alpha else { return nil }
            let fit = ShapesObjectFit(color: color, alpha: alpha, rasterizer: rasterizer)
            return fit.mass >= 2 ? fit : nil
        }
        let objects = zip(prompt.objects, fits).map { object, fit in
            ShapesObjectScore(object: object, fit: fit, prompt: prompt)
        }
        let background = backgroundPart(scene, prompt, objects: objects, rasterizer: rasterizer)
        let relation = prompt.relation.map { relationScore($0, objects) }
        func mean(_ part: (ShapesObjectScore) -> Float) -> Float {
            objects.map(part).reduce(0, +) / Float(max(1, objects.count))
        }
        var breakdown = RewardBreakdown(
            total: 0, color: mean(\.color), shape: mean(\.shape), size: mean(\.size), position: mean(\.position),
            background: background.score, relation: relation?.score,
            accuracy: AttributeAccuracy(
                color: objects.allSatisfy(\.colorCorrect), shape: objects.allSatisfy(\.shapeCorrect),
                size: prompt.isSingle ? objects[0].sizeCorrect : nil,
                position: prompt.isSingle ? objects[0].positionCorrect : nil,
                background: background.correct, relation: relation?.correct))
        let logs = breakdown.parts.map { log(max(partFloor, $0)) }
        breakdown.total = exp(logs.reduce(0, +) / Float(logs.count))
        return breakdown
    }

    /// The component of each prompt object: the candidate components assigned to the objects so as to
    /// maximize `sum((0.1 + similarity) * sqrt(pixels))` (similarity `exp(-(dE / 25)^2)` to the prompt's color).
    private static func matchComponents(
        _ prompt: ShapesPrompt, _ scene: ShapesForeground
    ) -> [ShapesForeground.Component?] {
        let candidates = Array(scene.components.prefix(6))
        func value(_ object: ShapesObject, _ component: ShapesForeground.Component) -> Float {
            let distance = component.lab.distance(to: ShapesLab(object.color.rgb))
            return (0.1 + exp(-(distance / 25) * (distance / 25))) * Float(component.pixels.count).squareRoot()
        }
        var best: (value: Float, picks: [Int?]) = (-1, Array(repeating: nil, count: prompt.objects.count))
        let options: [Int?] = candidates.indices.map { $0 } + [nil]
        func search(_ index: Int, _ picks: [Int?], _ total: Float) {
            guard index < prompt.objects.count else {
                if total > best.value { best = (total, picks) }
                return
            }
            for option in options where option == nil || !picks.contains(option) {
                let gain = option.map { value(prompt.objects[index], candidates[$0]) } ?? 0
                search(index + 1, picks + [option], total + gain)
            }
        }
        search(0, [], 0)
        return best.picks.map { pick in pick.map { candidates[$0] } }
    }

    /// Background color match times cleanliness: `exp(-(max(0, dE - 5) / 15)^2) * (1 - clutter)`, clutter being
    /// the mean of `min(1, contrast / 40)` over pixels at least one pixel away from every fitted ideal shape.
    private static func backgroundPart(
        _ scene: ShapesForeground, _ prompt: ShapesPrompt, objects: [ShapesObjectScore], rasterizer: ShapesRasterizer
    ) -> (score: Float, correct: Bool) {
        let width = scene.width
        var near = [Bool](repeating: false, count: width * scene.height)
        for placed in objects.compactMap(\.placed) {
            rasterizer.forEachCovered(placed) { x, y, _ in
                for ny in max(0, y - 1)...min(scene.height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) { near[ny * width + nx] = true }
                }
            }
        }
        var clutter: Float = 0
        var count: Float = 0
        for i in near.indices where !near[i] {
            clutter += min(1, scene.contrast[i] / 40)
            count += 1
        }
        let cleanliness = 1 - clutter / max(1, count)
        let distance = scene.backgroundLab.distance(to: ShapesLab(prompt.background.rgb))
        let match = exp(-pow(max(0, distance - 5) / 15, 2))
        let nearest = ShapesBackground.allCases.min {
            scene.backgroundLab.distance(to: ShapesLab($0.rgb)) < scene.backgroundLab.distance(to: ShapesLab($1.rgb))
        }
        return (match * cleanliness, nearest == prompt.background)
    }

    /// `clamp((d - 2) / 8, 0, 1)` where d is how far the second object's center lies past the first's along the
    /// relation's axis (x for "left of", y for "above"); correct when d > 2 px.
    private static func relationScore(
        _ relation: ShapesRelation, _ objects: [ShapesObjectScore]
    ) -> (score: Float, correct: Bool) {
        guard objects.count == 2, let a = objects[0].placed, let b = objects[1].placed else { return (0, false) }
        let d = relation == .leftOf ? b.centerX - a.centerX : b.centerY - a.centerY
        return (min(1, max(0, (d - 2) / 8)), d > 2)
    }
}
