/// The standard prompt sets, made deterministically from a seed (`ecad shapes prompts --set NAME --seed S`).
///
/// - `calibration` (64 prompts, for searches): no held-out combination. The first 32 are balanced: 16 single-object
///   prompts (each color twice, each shape 4 times, each size 8 times, all 9 positions, each background 4 times) and
///   16 two-object prompts (each color twice first and twice second, each shape 4 times in each slot, each relation
///   8 times, each background 4 times). The last 32 are distinct further draws of `ShapesSampler` (half single).
/// - `benchmark` (200 prompts, held out): 100 single-object prompts over the held-out (color, shape, size, position)
///   combinations, each combination once before any repeats (a repeat gets another background), then 100
///   two-object prompts over the held-out kind pairs, likewise (order, relation and background vary). No
///   benchmark prompt's combination occurs in calibration or in training.
public enum ShapesPromptSets {
    /// The named sets.
    public enum Name: String, CaseIterable, Sendable {
        case calibration, benchmark
    }

    /// The prompts of a set.
    public static func make(_ name: Name, seed: UInt64) -> [ShapesPrompt] {
        switch name {
        case .calibration: calibration(seed: seed)
        case .benchmark: benchmark(seed: seed).single + benchmark(seed: seed).pairs
        }
    }

    /// The 64 calibration prompts.
    public static func calibration(seed: UInt64) -> [ShapesPrompt] {
        var rng = ShapesRNG(seed: seed)
        var prompts = balancedSingles(&rng) + balancedPairs(&rng)
        var sampler = ShapesSampler(seed: rng.next(), singleFraction: 0.5)
        while prompts.count < 64 {
            let next = sampler.next()
            if !prompts.contains(next) { prompts.append(next) }
        }
        return prompts
    }

    /// The 200 benchmark prompts, in two sections.
    public static func benchmark(seed: UInt64) -> (single: [ShapesPrompt], pairs: [ShapesPrompt]) {
        var rng = ShapesRNG(seed: seed)
        var singles: [ShapesPrompt] = []
        for color in ShapesColor.allCases {
            for shape in ShapesShape.allCases {
                for size in ShapesSize.allCases {
                    for position in ShapesPosition.allCases
                    where ShapesHeldOut.containsSingle(color, shape, size, position) {
                        singles.append(.single(color, shape, size: size, at: position))
                    }
                }
            }
        }
        var kinds: [((ShapesColor, ShapesShape), (ShapesColor, ShapesShape))] = []
        let all = ShapesColor.allCases.flatMap { c in ShapesShape.allCases.map { (c, $0) } }
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where a.0 != b.0 && ShapesHeldOut.containsPair(a, b) { kinds.append((a, b)) }
        }
        let singleSet = fill(100, from: shuffled(singles, &rng), &rng) { prompt, rng in
            let o = prompt.objects[0]
            return .single(o.color, o.shape, size: o.size ?? .small, at: o.position ?? .center, background: pick(&rng))
        }
        let pairBase = shuffled(kinds, &rng).compactMap { kind in
            try? ShapesPrompt.pair(kind.0, .leftOf, kind.1)
        }
        let pairSet = fill(100, from: pairBase, &rng) { prompt, rng in
            let a = (prompt.objects[0].color, prompt.objects[0].shape)
            let b = (prompt.objects[1].color, prompt.objects[1].shape)
            let swap = rng.chance(0.5)
            let relation: ShapesRelation = rng.chance(0.5) ? .leftOf : .above
            return (try? ShapesPrompt.pair(swap ? b : a, relation, swap ? a : b, background: pick(&rng))) ?? prompt
        }
        return (singleSet, pairSet)
    }

    /// `count` distinct prompts: every base prompt varied once (in order), cycling until `count` distinct ones exist.
    private static func fill(
        _ count: Int, from base: [ShapesPrompt], _ rng: inout ShapesRNG,
        vary: (ShapesPrompt, inout ShapesRNG) -> ShapesPrompt
    ) -> [ShapesPrompt] {
        var out: [ShapesPrompt] = []
        var index = 0
        var attempts = 0
        while out.count < count, !base.isEmpty, attempts < count * 100 {
            let candidate = vary(base[index % base.count], &rng)
            if !out.contains(candidate) { out.append(candidate) }
            index += 1
            attempts += 1
        }
        return out
    }

    private static func pick(_ rng: inout ShapesRNG) -> ShapesBackground {
        ShapesBackground.allCases[rng.index(ShapesBackground.allCases.count)]
    }

    static func shuffled<T>(_ values: [T], _ rng: inout ShapesRNG) -> [T] {
        var out = values
        for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, rng.index(i + 1)) }
        return out
    }

    /// `values` repeated to `count` entries (count must be a multiple of values.count), shuffled.
    private static func balanced<T>(_ values: [T], _ count: Int, _ rng: inout ShapesRNG) -> [T] {
        shuffled((0..<count).map { values[$0 % values.count] }, &rng)
    }

    private static func balancedSingles(_ rng: inout ShapesRNG) -> [ShapesPrompt] {
        while true {
            let colors = balanced(ShapesColor.allCases, 16, &rng)
            let shapes = balanced(ShapesShape.allCases, 16, &rng)
            let sizes = balanced(ShapesSize.allCases, 16, &rng)
            let extra = shuffled(ShapesPosition.allCases, &rng).prefix(7)
            let positions = shuffled(ShapesPosition.allCases + extra, &rng)
            let backgrounds = balanced(ShapesBackground.allCases, 16, &rng)
            let prompts = (0..<16).map {
                ShapesPrompt.single(
                    colors[$0], shapes[$0], size: sizes[$0], at: positions[$0], background: backgrounds[$0])
            }
            if !prompts.contains(where: ShapesHeldOut.contains) { return prompts }
        }
    }

    private static func balancedPairs(_ rng: inout ShapesRNG) -> [ShapesPrompt] {
        while true {
            let firstColors = balanced(ShapesColor.allCases, 16, &rng)
            let secondColors = balanced(ShapesColor.allCases, 16, &rng)
            let firstShapes = balanced(ShapesShape.allCases, 16, &rng)
            let secondShapes = balanced(ShapesShape.allCases, 16, &rng)
            let relations = balanced(ShapesRelation.allCases, 16, &rng)
            let backgrounds = balanced(ShapesBackground.allCases, 16, &rng)
            let prompts = (0..<16).compactMap {
                try? ShapesPrompt.pair(
                    (firstColors[$0], firstShapes[$0]), relations[$0], (secondColors[$0], secondShapes[$0]),
                    background: backgrounds[$0])
            }
            if prompts.count == 16, Set(prompts).count == 16, !prompts.contains(where: ShapesHeldOut.contains) {
                return prompts
            }
        }
    }
}
