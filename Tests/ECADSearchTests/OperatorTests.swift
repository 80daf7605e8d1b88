import Foundation
import ECADSearch
import Testing

struct OperatorTests {
    private func parents(_ length: Int, seed: UInt64) -> (Genome, Genome) {
        var rng = Xoshiro256StarStar(seed: seed)
        return (Genome.random(count: length, using: &rng), Genome.random(count: length, using: &rng))
    }

    @Test(arguments: [CrossoverKind.kPoint, .uniform])
    func childrenTakeEachBitFromOneParentAndAreComplementary(kind: CrossoverKind) throws {
        let crossover = try Crossover(kind: kind, points: 4, probability: 1)
        var rng = Xoshiro256StarStar(seed: 11)
        for trial in 0..<50 {
            let (mother, father) = parents(97, seed: UInt64(trial))
            let (first, second) = crossover.apply(mother, father, using: &rng)
            for index in 0..<97 {
                #expect(first[index] == mother[index] || first[index] == father[index])
                #expect(first[index] != second[index] || mother[index] == father[index])
                #expect((first[index] == mother[index]) == (second[index] == father[index]))
            }
        }
    }

    @Test func kPointCrossoverSwitchesParentsAtMostKTimes() throws {
        let crossover = try Crossover(kind: .kPoint, points: 4, probability: 1)
        var rng = Xoshiro256StarStar(seed: 2)
        let mother = Genome(count: 200)
        let father = Genome(bits: [Bool](repeating: true, count: 200))
        var sawFour = false
        for _ in 0..<30 {
            let (child, _) = crossover.apply(mother, father, using: &rng)
            let switches = (1..<200).filter { child[$0] != child[$0 - 1] }.count
            #expect(switches <= 4)
            #expect(!child[0])
            sawFour = sawFour || switches == 4
        }
        #expect(sawFour)
    }

    @Test func alignedCrossoverCutsOnlyBetweenWholeSteps() throws {
        // 10 steps of 18 bits: every switch between parents falls on a step boundary.
        let crossover = try Crossover(kind: .kPoint, points: 4, probability: 1, alignment: 18)
        var rng = Xoshiro256StarStar(seed: 3)
        let mother = Genome(count: 180)
        let father = Genome(bits: [Bool](repeating: true, count: 180))
        var cuts: Set<Int> = []
        for _ in 0..<30 {
            let (child, _) = crossover.apply(mother, father, using: &rng)
            let switches = (1..<180).filter { child[$0] != child[$0 - 1] }
            #expect(switches.count <= 4 && switches.allSatisfy { $0 % 18 == 0 })
            cuts.formUnion(switches)
        }
        #expect(cuts.count > 4, "cuts vary between matings")
        // One step has nothing to cut between: the children are the parents.
        let single = try Crossover(kind: .kPoint, points: 4, probability: 1, alignment: 18)
        let (first, second) = single.apply(Genome(count: 18), Genome(bits: [Bool](repeating: true, count: 18)), using: &rng)
        #expect(first == Genome(count: 18) && second.onesCount == 18)
        #expect(throws: SearchError.self) { try Crossover(alignment: 0) }
        // A checkpoint written before alignment existed decodes with alignment 1.
        let old = #"{"kind":"k-point","points":4,"probability":0.9}"#
        #expect(try JSONDecoder().decode(Crossover.self, from: Data(old.utf8)).alignment == 1)
    }

    @Test func zeroProbabilityCopiesTheParents() throws {
        let crossover = try Crossover(kind: .kPoint, probability: 0)
        var rng = Xoshiro256StarStar(seed: 1)
        let (mother, father) = parents(64, seed: 4)
        let (first, second) = crossover.apply(mother, father, using: &rng)
        #expect(first == mother && second == father)
    }

    @Test func mutationRateControlsFlips() throws {
        var rng = Xoshiro256StarStar(seed: 8)
        let original = parents(500, seed: 6).0
        var untouched = original
        try BitFlipMutation(probability: 1, rate: 0).apply(&untouched, using: &rng)
        #expect(untouched == original)
        var inverted = original
        try BitFlipMutation(probability: 1, rate: 1).apply(&inverted, using: &rng)
        #expect(inverted.hammingDistance(to: original) == 500)
        var skipped = original
        try BitFlipMutation(probability: 0, rate: 1).apply(&skipped, using: &rng)
        #expect(skipped == original)
        var some = original
        try BitFlipMutation(probability: 1, rate: 0.1).apply(&some, using: &rng)
        #expect((20...80).contains(some.hammingDistance(to: original)))
        #expect(try BitFlipMutation().effectiveRate(length: 1680) == 1.0 / 1680)
    }

    @Test func badSettingsAreRejected() {
        #expect(throws: SearchError.self) { try Crossover(points: 0) }
        #expect(throws: SearchError.self) { try Crossover(probability: 1.5) }
        #expect(throws: SearchError.self) { try BitFlipMutation(rate: -0.1) }
        #expect(throws: SearchError.self) { try NSGA2Configuration(populationSize: 0) }
        #expect(throws: SearchError.self) { try ProblemShape(genomeLength: 0, objectiveCount: 2) }
    }
}
