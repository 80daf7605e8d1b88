/// The two goals of the evaluation (docs/evaluate.md), computed from the measured rows.
extension EvaluationReport {
    /// A row's label with its measured speedup and reward, for statements.
    private struct Point {
        var label: String
        var speedup: Double
        var reward: Double
    }

    /// Goal 1 and goal 2, in that order.
    public var goals: [EvaluationGoal] { [speedupGoal, heuristicGoal] }

    /// Goal 1: a front member with at least ``targetSpeedup`` measured speedup whose reward is at most
    /// ``rewardTolerance`` below uncached (a higher reward also counts).
    public var speedupGoal: EvaluationGoal {
        let target = ResultTable.number(targetSpeedup, digits: 1)
        let tolerance = ResultTable.number(rewardTolerance, digits: 2)
        let goal = "Goal 1: a front member with >= \(target)x measured speedup whose reward is within \(tolerance) of uncached"
        guard let base = baseline?.reward, baseline?.latencySeconds != nil else {
            return EvaluationGoal(goal: goal, outcome: .notComputed, statement: "The uncached baseline's reward and latency were not measured.")
        }
        let front = points(rows.filter { $0.has(.front) })
        guard !front.isEmpty else {
            return EvaluationGoal(goal: goal, outcome: .notComputed, statement: "No front member has a measured reward and speedup.")
        }
        let floor = base - rewardTolerance
        let close = front.filter { $0.reward >= floor }
        let fast = front.filter { $0.speedup >= targetSpeedup }
        if let best = close.filter({ $0.speedup >= targetSpeedup }).max(by: { $0.speedup < $1.speedup }) {
            return EvaluationGoal(goal: goal, outcome: .met, statement: "\(describe(best, base: base)).")
        }
        var parts: [String] = []
        if let best = fast.max(by: { $0.reward < $1.reward }) {
            parts.append("The best front member at >= \(target)x, \(describe(best, base: base)), misses the reward bound by \(ResultTable.number(floor - best.reward, digits: 4))")
        } else if let fastest = front.max(by: { $0.speedup < $1.speedup }) {
            parts.append("No front member reaches \(target)x; the fastest, \(describe(fastest, base: base)), is \(ResultTable.number(targetSpeedup - fastest.speedup, digits: 2))x short")
        }
        if let fastestClose = close.max(by: { $0.speedup < $1.speedup }) {
            parts.append("the fastest within \(tolerance) reward, \(describe(fastestClose, base: base)), is \(ResultTable.number(targetSpeedup - fastestClose.speedup, digits: 2))x short")
        }
        return EvaluationGoal(goal: goal, outcome: .missed, statement: parts.joined(separator: "; ") + ".")
    }

    /// Goal 2: at every measured speedup a heuristic reaches, a front member with equal or higher reward (each
    /// heuristic row is weakly dominated by a front member in reward and measured speedup).
    public var heuristicGoal: EvaluationGoal {
        let goal = "Goal 2: at every measured speedup a heuristic reaches, a front member with equal or higher reward"
        let front = points(rows.filter { $0.has(.front) })
        let heuristicRows = rows.filter { $0.has(.heuristic) && !$0.has(.uncached) }
        let heuristics = points(heuristicRows)
        guard !heuristics.isEmpty, !front.isEmpty else {
            let missing = heuristics.isEmpty ? "heuristic schedule" : "front member"
            return EvaluationGoal(goal: goal, outcome: .notComputed, statement: "No \(missing) has a measured reward and speedup.")
        }
        var misses: [String] = []
        var smallest: (margin: Double, label: String)?
        for heuristic in heuristics {
            let best = front.filter { $0.speedup >= heuristic.speedup }.map(\.reward).max()
            let place = "\(heuristic.label) (\(ResultTable.number(heuristic.speedup, digits: 2))x, reward \(ResultTable.number(heuristic.reward, digits: 4)))"
            guard let best else {
                misses.append("\(place): no front member is as fast")
                continue
            }
            let margin = best - heuristic.reward
            if margin < 0 {
                misses.append("\(place): the best front member at that speed has \(ResultTable.number(best, digits: 4)), \(ResultTable.number(-margin, digits: 4)) lower")
            } else if smallest.map({ margin < $0.margin }) ?? true {
                smallest = (margin, heuristic.label)
            }
        }
        let unmeasured = heuristicRows.count - heuristics.count
        let note = unmeasured > 0 ? " \(unmeasured) heuristic schedule(s) lack a measured reward or speedup and are not counted." : ""
        if misses.isEmpty {
            let margin = smallest.map { " The smallest reward margin is \(Self.signed($0.margin)) (at \($0.label))." } ?? ""
            return EvaluationGoal(goal: goal, outcome: .met, statement: "All \(heuristics.count) heuristic schedules are matched.\(margin)\(note)")
        }
        return EvaluationGoal(
            goal: goal, outcome: .missed,
            statement: "Missed for \(misses.count) of \(heuristics.count) heuristic schedules: \(misses.joined(separator: "; ")).\(note)")
    }

    private func points(_ rows: [EvaluationRow]) -> [Point] {
        rows.compactMap { row in
            guard let reward = row.reward, let speedup = measuredSpeedup(row) else { return nil }
            return Point(label: row.labelText, speedup: speedup, reward: reward)
        }
    }

    private func describe(_ point: Point, base: Double) -> String {
        "\(point.label) at \(ResultTable.number(point.speedup, digits: 2))x with reward \(ResultTable.number(point.reward, digits: 4)) (\(Self.signed(point.reward - base)) vs uncached \(ResultTable.number(base, digits: 4)))"
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + ResultTable.number(value, digits: 4)
    }
}
