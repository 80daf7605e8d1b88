import ECADSearch
import Testing

struct IndicatorTests {
    @Test func twoPointsByHand() {
        #expect(Hypervolume.twoDimensional([(1, 2), (2, 1)], reference: (3, 3)) == 3)
        #expect(Hypervolume.twoDimensional([], reference: (3, 3)) == 0)
        // Dominated, repeated and out-of-bounds points add nothing.
        let noisy = [(1.0, 2.0), (2, 1), (2, 2), (1, 2), (4, 0), (0, 3)]
        #expect(Hypervolume.twoDimensional(noisy, reference: (3, 3)) == 3)
    }

    @Test(arguments: 0..<15)
    func matchesCellCountingOnIntegerPoints(seed: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(seed))
        let points = (0..<(1 + seed)).map { _ in (Double(rng.nextIndex(below: 12)), Double(rng.nextIndex(below: 12))) }
        var cells = 0
        for x in 0..<10 {
            for y in 0..<10 where points.contains(where: { $0.0 <= Double(x) && $0.1 <= Double(y) }) {
                cells += 1
            }
        }
        #expect(Hypervolume.twoDimensional(points, reference: (10, 10)) == Double(cells))
    }

    @Test func membersNeedTwoObjectives() {
        let member = EvaluatedGenome(genome: Genome(count: 1), evaluation: Evaluation(objectives: [1, 2, 3]))
        #expect(throws: SearchError.self) { try Hypervolume.twoDimensional(front: [member], reference: (4, 4)) }
    }

    @Test func stagnationNeedsWindowGenerationsWithoutRealImprovement() throws {
        var detector = try StagnationDetector(window: 3, epsilon: 0.01)
        let verdicts = [1.0, 1.005, 1.0, 1.01].map { detector.record($0) }
        #expect(verdicts == [false, false, false, true])
        #expect(detector.isStagnant)
        let afterImprovement = detector.record(1.2)
        #expect(!afterImprovement)
        #expect(detector.best == 1.2)
        #expect(detector.generationsWithoutImprovement == 0)
        #expect(throws: SearchError.self) { try StagnationDetector(window: 0, epsilon: 0) }
    }
}
