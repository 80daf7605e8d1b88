import Testing

@testable import ECADShapes

struct ShapesPromptSetsTests {
    @Test func calibrationIsBalancedDistinctAndNotHeldOut() {
        let prompts = ShapesPromptSets.calibration(seed: 1)
        #expect(prompts.count == 64)
        #expect(Set(prompts).count == 64)
        #expect(!prompts.contains(where: ShapesHeldOut.contains))
        #expect(prompts == ShapesPromptSets.calibration(seed: 1))
        let head = Array(prompts.prefix(32))
        let singles = head.filter(\.isSingle)
        #expect(singles.count == 16)
        for color in ShapesColor.allCases {
            #expect(singles.filter { $0.objects[0].color == color }.count == 2)
            #expect(head.filter { !$0.isSingle && $0.objects[0].color == color }.count == 2)
        }
        #expect(Set(singles.compactMap(\.objects[0].position)).count == 9)
        for background in ShapesBackground.allCases {
            #expect(head.filter { $0.background == background }.count == 8)
        }
        #expect(head.filter { $0.relation == .above }.count == 8)
    }

    @Test func benchmarkIsHeldOutAndDisjointFromCalibration() {
        let sets = ShapesPromptSets.benchmark(seed: 1)
        #expect(sets.single.count == 100 && sets.pairs.count == 100)
        #expect(sets.single.allSatisfy(\.isSingle) && sets.pairs.allSatisfy { !$0.isSingle })
        let all = sets.single + sets.pairs
        #expect(Set(all).count == 200)
        #expect(all.allSatisfy(ShapesHeldOut.contains))
        #expect(Set(all).isDisjoint(with: ShapesPromptSets.calibration(seed: 1)))
        #expect(Set(sets.pairs.compactMap(\.relation)).count == 2)
    }

    @Test func promptFilesRoundTrip() throws {
        let prompts = ShapesPromptSets.make(.benchmark, seed: 2)
        let text = ShapesPromptFile.format(prompts, header: ["a comment"])
        #expect(text.hasPrefix("# a comment\n"))
        #expect(try ShapesPromptFile.parse(text) == prompts)
        #expect(
            throws: ShapesError.badPromptLine(
                line: 2,
                message:
                    "prompt 'a': expected a color (red, green, blue, yellow, purple, orange, white, cyan), found the end of the prompt"
            )
        ) {
            try ShapesPromptFile.parse("# x\na\n")
        }
    }
}
