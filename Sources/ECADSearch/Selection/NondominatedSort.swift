/// Fast non-dominated sorting (Deb et al. 2002) under constraint domination.
public enum NondominatedSort {
    /// Splits `evaluations` into fronts: front 0 holds the indices no other evaluation
    /// constraint-dominates, front k+1 those dominated only by members of fronts 0...k.
    /// Indices within a front are ascending. O(M·N²).
    public static func fronts(_ evaluations: [Evaluation]) -> [[Int]] {
        let count = evaluations.count
        let table = ObjectiveTable(evaluations)
        var dominated = [[Int]](repeating: [], count: count)
        var dominatorCount = [Int](repeating: 0, count: count)
        for first in 0..<count {
            for second in (first + 1)..<count {
                switch table.compare(first, second) {
                case .firstWins:
                    dominated[first].append(second)
                    dominatorCount[second] += 1
                case .secondWins:
                    dominated[second].append(first)
                    dominatorCount[first] += 1
                case .neither:
                    break
                }
            }
        }
        var fronts: [[Int]] = []
        var current = (0..<count).filter { dominatorCount[$0] == 0 }
        while !current.isEmpty {
            fronts.append(current)
            var next: [Int] = []
            for member in current {
                for loser in dominated[member] {
                    dominatorCount[loser] -= 1
                    if dominatorCount[loser] == 0 { next.append(loser) }
                }
            }
            current = next.sorted()
        }
        return fronts
    }

    /// The rank (front number) of every evaluation.
    public static func ranks(_ evaluations: [Evaluation]) -> [Int] {
        var ranks = [Int](repeating: 0, count: evaluations.count)
        for (rank, front) in fronts(evaluations).enumerated() {
            for index in front { ranks[index] = rank }
        }
        return ranks
    }

    private enum Outcome { case firstWins, secondWins, neither }

    /// Objectives in one flat row-major array and violations beside them, for a tight O(M·N²) loop.
    private struct ObjectiveTable {
        let values: [Double]
        let violations: [Double]
        let width: Int

        init(_ evaluations: [Evaluation]) {
            width = evaluations.first?.objectives.count ?? 0
            values = evaluations.flatMap(\.objectives)
            violations = evaluations.map(\.violation)
        }

        func compare(_ first: Int, _ second: Int) -> Outcome {
            let firstViolation = violations[first]
            let secondViolation = violations[second]
            if firstViolation > 0 || secondViolation > 0 {
                if firstViolation < secondViolation { return .firstWins }
                if secondViolation < firstViolation { return .secondWins }
                return .neither
            }
            var firstBetter = false
            var secondBetter = false
            var column = 0
            while column < width {
                let a = values[first * width + column]
                let b = values[second * width + column]
                if a < b { firstBetter = true } else if b < a { secondBetter = true }
                if firstBetter && secondBetter { return .neither }
                column += 1
            }
            if firstBetter { return .firstWins }
            return secondBetter ? .secondWins : .neither
        }
    }
}
