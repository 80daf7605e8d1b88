import Testing

@testable import ECADShapes

struct ShapesSamplerTests {
    @Test func sameSeedSamePrompts() {
        var a = ShapesSampler(seed: 5)
        var b = ShapesSampler(seed: 5)
        var c = ShapesSampler(seed: 6)
        let first = a.next(100)
        #expect(first == b.next(100))
        #expect(first != c.next(100))
    }

    @Test func neverDrawsAHeldOutCombination() {
        var sampler = ShapesSampler(seed: 11)
        let prompts = sampler.next(20_000)
        #expect(!prompts.contains(where: ShapesHeldOut.contains))
        let singles = prompts.filter(\.isSingle).count
        #expect(singles > 11_000 && singles < 13_000)
        #expect(prompts.filter { $0.background == .black }.count > 9_000)
    }

    @Test func heldOutShareIsAboutFifteenPercent() {
        var held = 0
        var total = 0
        var trainingKinds = Set<String>()
        for color in ShapesColor.allCases {
            for shape in ShapesShape.allCases {
                for size in ShapesSize.allCases {
                    for position in ShapesPosition.allCases {
                        total += 1
                        if ShapesHeldOut.containsSingle(color, shape, size, position) {
                            held += 1
                        } else {
                            trainingKinds.insert("\(color) \(shape) \(size)")
                        }
                    }
                }
            }
        }
        #expect(total == 576)
        #expect(held > 60 && held < 115)
        // Every (color, shape, size) still appears in training at some position.
        #expect(trainingKinds.count == 64)
    }

    @Test func pairRuleIsUnorderedAndHoldsSomePairsOut() {
        var held = 0
        var total = 0
        for a in ShapesColor.allCases {
            for b in ShapesColor.allCases where a != b {
                for s in ShapesShape.allCases {
                    for t in ShapesShape.allCases {
                        total += 1
                        let forward = ShapesHeldOut.containsPair((a, s), (b, t))
                        #expect(forward == ShapesHeldOut.containsPair((b, t), (a, s)))
                        if forward { held += 1 }
                    }
                }
            }
        }
        #expect(held > total / 10 && held < total / 5)
    }
}
