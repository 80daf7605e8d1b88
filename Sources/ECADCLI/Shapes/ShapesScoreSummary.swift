import ECADShapes

/// Mean reward parts and attribute accuracy over a scored set (output of `ecad shapes score`).
struct ShapesScoreSummary: Codable {
    var count: Int
    var rewardVersion: String
    var total: Double
    var color: Double
    var shape: Double
    var size: Double
    var position: Double
    var background: Double
    /// Mean over two-object prompts only; nil when there are none.
    var relation: Double?
    /// Share of images whose every attribute is right.
    var accuracyAll: Double
    /// Accuracy per attribute, each over the images where it applies.
    var accuracy: [String: Double]
    var millisecondsPerImage: Double

    init(_ scores: [RewardBreakdown], seconds: Double) {
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        func part(_ key: KeyPath<RewardBreakdown, Float>) -> Double { mean(scores.map { Double($0[keyPath: key]) }) }
        func rate(_ flags: [Bool?]) -> Double { mean(flags.compactMap { $0 }.map { $0 ? 1 : 0 }) }
        count = scores.count
        rewardVersion = ShapesReward.version
        total = part(\.total)
        color = part(\.color)
        shape = part(\.shape)
        size = part(\.size)
        position = part(\.position)
        background = part(\.background)
        let relations = scores.compactMap(\.relation).map(Double.init)
        relation = relations.isEmpty ? nil : mean(relations)
        accuracyAll = rate(scores.map(\.accuracy.all))
        accuracy = [
            "color": rate(scores.map(\.accuracy.color)), "shape": rate(scores.map(\.accuracy.shape)),
            "size": rate(scores.map(\.accuracy.size)), "position": rate(scores.map(\.accuracy.position)),
            "background": rate(scores.map(\.accuracy.background)), "relation": rate(scores.map(\.accuracy.relation)),
        ]
        millisecondsPerImage = scores.isEmpty ? 0 : seconds * 1000 / Double(scores.count)
    }
}
