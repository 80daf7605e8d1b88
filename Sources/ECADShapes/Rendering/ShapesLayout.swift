/// Where the renderer puts the objects of a prompt: nominal sizes and anchors plus seeded jitter.
///
/// All lengths are in pixels on the 32x32 canvas. Single objects: radius 6 (small) or 9.5 (large), times a
/// uniform factor in [1 - sizeJitter, 1 + sizeJitter]; anchor per axis `16 + offset * spread`, with spread 8 (small)
/// or 5.5 (large), plus uniform jitter of +-1.5 px (small) or +-1 px (large). Pairs: radius 6 each with the same
/// size jitter; along the relation's axis the first object sits at 8 and the second at 24 (each +-1 px); across it
/// both share a base uniform in [10, 22] plus +-2 px each.
public enum ShapesLayout {
    /// Canvas side.
    public static let canvas = 32
    /// Nominal radius of "small" objects.
    public static let smallRadius: Float = 6
    /// Nominal radius of "large" objects.
    public static let largeRadius: Float = 9.5
    /// Nominal radius of each object of a two-object prompt.
    public static let pairRadius: Float = 6
    /// Relative size jitter (uniform +-).
    public static let sizeJitter: Float = 0.06

    /// The nominal radius of a size.
    public static func radius(_ size: ShapesSize) -> Float {
        size == .small ? smallRadius : largeRadius
    }

    /// Distance from the canvas center to an off-center anchor, per axis.
    public static func spread(_ size: ShapesSize) -> Float {
        size == .small ? 8 : 5.5
    }

    /// Position jitter (uniform +-) of single objects.
    public static func positionJitter(_ size: ShapesSize) -> Float {
        size == .small ? 1.5 : 1
    }

    /// The nominal (unjittered) placement of a single object.
    public static func nominal(_ object: ShapesObject) -> ShapesPlacedShape? {
        guard let size = object.size, let position = object.position else { return nil }
        let center = Float(canvas) / 2
        return ShapesPlacedShape(
            shape: object.shape,
            centerX: center + Float(position.offset.x) * spread(size),
            centerY: center + Float(position.offset.y) * spread(size),
            radius: radius(size))
    }

    /// The jittered placement of every object of a prompt, in drawing order. Draw order of the RNG: per object
    /// size factor, then x and y jitter (pairs: the shared cross-axis base first).
    public static func place(_ prompt: ShapesPrompt, rng: inout ShapesRNG) -> [ShapesPlacedShape] {
        if prompt.isSingle, let base = nominal(prompt.objects[0]), let size = prompt.objects[0].size {
            let scale = rng.uniform(1 - sizeJitter, 1 + sizeJitter)
            let j = positionJitter(size)
            let dx = rng.uniform(-j, j)
            let dy = rng.uniform(-j, j)
            return [
                ShapesPlacedShape(
                    shape: base.shape, centerX: base.centerX + dx, centerY: base.centerY + dy,
                    radius: base.radius * scale)
            ]
        }
        let cross = rng.uniform(10, 22)
        return prompt.objects.enumerated().map { index, object in
            let scale = rng.uniform(1 - sizeJitter, 1 + sizeJitter)
            let along = (index == 0 ? 8 : 24) + rng.uniform(-1, 1)
            let across = cross + rng.uniform(-2, 2)
            let leftOf = prompt.relation == .leftOf
            return ShapesPlacedShape(
                shape: object.shape, centerX: leftOf ? along : across, centerY: leftOf ? across : along,
                radius: pairRadius * scale)
        }
    }
}
