/// The held-out rule: combinations that training never sees, reserved for the benchmark prompt set.
///
/// - Single objects: the combination (color, shape, size, position), with index
///   `((color * 4 + shape) * 2 + size) * 9 + position` over the case orders, is held out when
///   `ShapesRNG.mix(index + singleSalt) % 1000 < 150` (about 15 %). The background does not matter.
/// - Two objects: the unordered pair of object kinds {(color, shape), (color, shape)}, with kind index
///   `color * 4 + shape` and key `min * 32 + max`, is held out when `ShapesRNG.mix(key + pairSalt) % 1000 < 150`.
///   Relation, order and background do not matter: a held-out pair appears in no training prompt at all.
public enum ShapesHeldOut {
    /// Salt of the single-object hash.
    public static let singleSalt: UInt64 = 0x5348_4150_4553_3031  // "SHAPES01"
    /// Salt of the pair hash.
    public static let pairSalt: UInt64 = 0x5041_4952_5332_3031  // "PAIRS201"
    /// Held-out share in thousandths.
    public static let perMille: UInt64 = 150

    /// Whether a prompt uses a held-out combination.
    public static func contains(_ prompt: ShapesPrompt) -> Bool {
        if prompt.isSingle {
            let object = prompt.objects[0]
            guard let size = object.size, let position = object.position else { return false }
            return containsSingle(object.color, object.shape, size, position)
        }
        return containsPair(
            (prompt.objects[0].color, prompt.objects[0].shape), (prompt.objects[1].color, prompt.objects[1].shape))
    }

    /// Whether a single-object combination is held out.
    public static func containsSingle(
        _ color: ShapesColor, _ shape: ShapesShape, _ size: ShapesSize, _ position: ShapesPosition
    ) -> Bool {
        let index = ((kindIndex(color, shape) * 2 + caseIndex(size)) * 9 + caseIndex(position))
        return ShapesRNG.mix(UInt64(index) &+ singleSalt) % 1000 < perMille
    }

    /// Whether an unordered pair of object kinds is held out.
    public static func containsPair(_ a: (ShapesColor, ShapesShape), _ b: (ShapesColor, ShapesShape)) -> Bool {
        let first = kindIndex(a.0, a.1)
        let second = kindIndex(b.0, b.1)
        let key = min(first, second) * 32 + max(first, second)
        return ShapesRNG.mix(UInt64(key) &+ pairSalt) % 1000 < perMille
    }

    private static func kindIndex(_ color: ShapesColor, _ shape: ShapesShape) -> Int {
        caseIndex(color) * ShapesShape.allCases.count + caseIndex(shape)
    }

    static func caseIndex<T: CaseIterable & Equatable>(_ value: T) -> Int {
        Array(T.allCases).firstIndex(of: value) ?? 0
    }
}
