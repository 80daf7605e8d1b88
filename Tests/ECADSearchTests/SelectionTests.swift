import ECADSearch
import Testing

struct SelectionTests {
    /// `count` evaluations with small integer objectives (so ties are common) and, optionally,
    /// a constraint that some of them violate.
    private func randomEvaluations(_ count: Int, objectives: Int, constrained: Bool, seed: UInt64) -> [Evaluation] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            let values = (0..<objectives).map { _ in Double(rng.nextIndex(below: 6)) }
            let constraints = constrained ? [Double(rng.nextIndex(below: 4)) - 2] : []
            return Evaluation(objectives: values, constraints: constraints)
        }
    }

    /// Naive peeling: repeatedly take the members no remaining member constraint-dominates.
    private func peel(_ evaluations: [Evaluation]) -> [[Int]] {
        var remaining = Array(evaluations.indices)
        var fronts: [[Int]] = []
        while !remaining.isEmpty {
            let front = remaining.filter { member in
                !remaining.contains { evaluations[$0].constrainedDominates(evaluations[member]) }
            }
            fronts.append(front)
            remaining.removeAll { front.contains($0) }
        }
        return fronts
    }

    @Test(arguments: 0..<40)
    func fastSortMatchesNaivePeeling(seed: Int) {
        let evaluations = randomEvaluations(
            1 + seed % 23, objectives: 2 + seed % 3, constrained: seed % 2 == 0, seed: UInt64(seed))
        let fronts = NondominatedSort.fronts(evaluations)
        #expect(fronts == peel(evaluations))
        #expect(fronts.flatMap { $0 }.sorted() == Array(evaluations.indices))
        let ranks = NondominatedSort.ranks(evaluations)
        for first in evaluations.indices {
            for second in evaluations.indices where evaluations[first].constrainedDominates(evaluations[second]) {
                #expect(ranks[first] < ranks[second])
            }
        }
    }

    @Test func feasibleMembersRankAheadOfInfeasibleOnes() {
        let evaluations = randomEvaluations(30, objectives: 2, constrained: true, seed: 99)
        let ranks = NondominatedSort.ranks(evaluations)
        let worstFeasible = evaluations.indices.filter { evaluations[$0].isFeasible }.map { ranks[$0] }.max() ?? -1
        let bestInfeasible = evaluations.indices.filter { !evaluations[$0].isFeasible }.map { ranks[$0] }.min() ?? .max
        #expect(worstFeasible < bestInfeasible)
    }

    @Test(arguments: 0..<20)
    func crowdingMatchesTheDefinition(seed: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(seed))
        let count = 3 + seed % 9
        let points = (0..<count).map { _ in [rng.nextUnit(), rng.nextUnit()] }
        let distances = CrowdingDistance.distances(points)
        for (index, point) in points.enumerated() {
            var expected = 0.0
            for dimension in 0..<2 {
                let values = points.map { $0[dimension] }
                guard let low = values.min(), let high = values.max() else { continue }
                let below = values.filter { $0 < point[dimension] }.max()
                let above = values.filter { $0 > point[dimension] }.min()
                if let below, let above {
                    expected += (above - below) / (high - low)
                } else {
                    expected = .infinity
                }
            }
            if expected.isInfinite {
                #expect(distances[index].isInfinite)
            } else {
                #expect(abs(distances[index] - expected) < 1e-12)
            }
        }
    }

    @Test func smallFrontsAreAllBoundary() {
        #expect(CrowdingDistance.distances([[1, 2], [2, 1]]).allSatisfy { $0.isInfinite })
        #expect(CrowdingDistance.distances([]).isEmpty)
    }

    @Test func survivalKeepsWholeFrontsThenTheLeastCrowded() {
        // Front 0: four points on a line; front 1: one point behind them.
        let evaluations = [[0.0, 4.0], [1, 3], [1.2, 2.8], [4, 0], [5, 5]].map { Evaluation(objectives: $0) }
        let ranking = Ranking(evaluations)
        #expect(ranking.fronts == [[0, 1, 2, 3], [4]])
        // Of the inner points, 1 is more crowded (closer neighbours) than 2.
        #expect(ranking.survivors(3) == [0, 3, 2])
        #expect(ranking.survivors(5) == [0, 1, 2, 3, 4])
        #expect(ranking.prefers(0, over: 4) == true)
        #expect(ranking.prefers(2, over: 1) == true)
        #expect(ranking.prefers(0, over: 3) == nil)
    }

    @Test func tournamentsFavourBetterRanks() {
        let evaluations = (0..<10).map { Evaluation(objectives: [Double($0), Double($0)]) }
        let ranking = Ranking(evaluations)
        var rng = Xoshiro256StarStar(seed: 4)
        var wins = [Int](repeating: 0, count: 10)
        for _ in 0..<2000 { wins[ranking.tournament(using: &rng)] += 1 }
        #expect(wins[9] == 0)
        #expect(wins[0] > wins[5])
        #expect(wins[5] > wins[8])
    }
}
