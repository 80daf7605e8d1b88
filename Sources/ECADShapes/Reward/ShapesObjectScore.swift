import Foundation

/// The per-object parts of the reward, from an object's fit (nil when the object was not found: every part 0).
struct ShapesObjectScore {
    var color: Float = 0
    var shape: Float = 0
    var size: Float = 0
    var position: Float = 0
    var colorCorrect = false
    var shapeCorrect = false
    var sizeCorrect = false
    var positionCorrect = false
    /// The ideal placement of the prompt's shape fitted to the observed mask.
    var placed: ShapesPlacedShape?

    init(object: ShapesObject, fit: ShapesObjectFit?, prompt: ShapesPrompt) {
        guard let fit else { return }
        // Color: exp(-(max(0, dE - 8) / 20)^2), dE the CIELAB distance of the core color to the prompt's color.
        let observed = ShapesLab(r: fit.color.x, g: fit.color.y, b: fit.color.z)
        let distance = observed.distance(to: ShapesLab(object.color.rgb))
        color = exp(-pow(max(0, distance - 8) / 20, 2))
        colorCorrect =
            ShapesColor.allCases.min {
                observed.distance(to: ShapesLab($0.rgb)) < observed.distance(to: ShapesLab($1.rgb))
            } == object.color

        // Shape: IoU of the prompt's shape times its softmax weight over the four shapes' IoUs.
        let own = fit.fit(object.shape)
        let weights = fit.fits.map { exp(($0.iou - own.iou) / ShapesReward.shapeTemperature) }
        shape = own.iou / weights.reduce(0, +)
        shapeCorrect = fit.fits.allSatisfy { $0.iou <= own.iou }
        placed = own.placed

        // Size: 1 within 10 % (log) of the nominal radius, then a Gaussian fall-off of width 0.12 in log radius.
        let nominal = object.size.map(ShapesLayout.radius) ?? ShapesLayout.pairRadius
        let logError = abs(log(own.placed.radius / nominal))
        size = exp(-pow(max(0, logError - 0.1) / 0.12, 2))
        if let given = object.size {
            let other: ShapesSize = given == .small ? .large : .small
            sizeCorrect = logError < abs(log(own.placed.radius / ShapesLayout.radius(other)))
        }

        if let size = object.size, let position = object.position {
            scoreAnchor(own.placed, size: size, position: position)
        } else if let relation = prompt.relation, let index = prompt.objects.firstIndex(of: object) {
            scorePairSlot(own.placed, relation: relation, index: index)
        }
    }

    /// Single objects: `exp(-(ex^2 + ey^2) / 2^2)`, e = per-axis distance to the anchor beyond the jitter + 0.5 px.
    private mutating func scoreAnchor(_ placed: ShapesPlacedShape, size: ShapesSize, position: ShapesPosition) {
        func excess(_ p: ShapesPosition) -> (Float, Float) {
            let center = Float(ShapesLayout.canvas) / 2
            let spread = ShapesLayout.spread(size)
            let allowance = ShapesLayout.positionJitter(size) + 0.5
            let ex = max(0, abs(placed.centerX - center - Float(p.offset.x) * spread) - allowance)
            let ey = max(0, abs(placed.centerY - center - Float(p.offset.y) * spread) - allowance)
            return (ex, ey)
        }
        let (ex, ey) = excess(position)
        self.position = exp(-(ex * ex + ey * ey) / 4)
        func distance(_ p: ShapesPosition) -> Float {
            let center = Float(ShapesLayout.canvas) / 2
            let dx = placed.centerX - center - Float(p.offset.x) * ShapesLayout.spread(size)
            let dy = placed.centerY - center - Float(p.offset.y) * ShapesLayout.spread(size)
            return dx * dx + dy * dy
        }
        positionCorrect = ShapesPosition.allCases.min { distance($0) < distance($1) } == position
    }

    /// Pair objects: along the relation's axis the slot is 8 (first) or 24 (second) +- 1.5 px; across it the
    /// center lies in [8, 24]; score `exp(-(ex^2 + ey^2) / 3^2)`.
    private mutating func scorePairSlot(_ placed: ShapesPlacedShape, relation: ShapesRelation, index: Int) {
        let along = relation == .leftOf ? placed.centerX : placed.centerY
        let across = relation == .leftOf ? placed.centerY : placed.centerX
        let slot: Float = index == 0 ? 8 : 24
        let ea = max(0, abs(along - slot) - 1.5)
        let ec = max(0, 8 - across, across - 24)
        position = exp(-(ea * ea + ec * ec) / 9)
        positionCorrect = ea < 4
    }
}
