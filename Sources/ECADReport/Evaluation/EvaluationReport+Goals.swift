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
        let target = ResultTable.number(targetSpeedup, digits: 1) + "x"
        let tolerance = ResultTable.number(rewardTolerance, digits: 2)
        let goal = "Goal 1: a front member with >= \(target) measured speedup whose reward is within \(tolerance) of uncached"
        guard let base = baseline?.reward, baseline?.latencySeconds != nil else {
            return EvaluationGoal(
                goal: goal, outcome: .notComputed, statement: "The uncached baseline's reward and latency were not measured.")
        }
        let front = points(rows.filter { $0.has(.front) })
        guard !front.isEmpty else {
            return EvaluationGoal(
                goal: goal, outcome: .notComputed, statement: "No front member has a measured reward and speedup.")
        }
        let floor = base - rewardTolerance
        let close = front.filter { $0.reward >= floor }
        if let best = close.filter({ $0.speedup >= targetSpeedup }).max(by: { $0.speedup < $1.speedup }) {
            return EvaluationGoal(goal: goal, outcome: .met, statement: "\(describe(best, base: base)).")
        }
        var parts: [String] = []
        if let best = front.filter({ $0.speedup >= targetSpeedup }).max(by: { $0.reward < $1.reward }) {
            let gap = Self.reward(floor - best.reward)
            parts.append("The best front member at >= \(target), \(describe(best, base: base)), misses the reward bound by \(gap)")
        } else if let fastest = front.max(by: { $0.speedup < $1.speedup }) {
            let gap = Self.speed(targetSpeedup - fastest.speedup)
            parts.append("No front member reaches \(target); the fastest, \(describe(fastest, base: base)), is \(gap) short")
        }
        if let fastest = close.max(by: { $0.speedup < $1.speedup }) {
            let gap = Self.speed(targetSpeedup - fastest.speedup)
            parts.append("the fastest within \(tolerance) reward, \(describe(fastest, base: base)), is \(gap) short")
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
            return EvaluationGoal(
                goal: goal, outcome: .notComputed, statement: "No \(missing) has a measured reward and speedup.")
        }
        var misses: [String] = []
        var smallest: (margin: Double, label: String)?
        for heuristic in heuristics {
            let place = "\(heuristic.label) (\(Self.speed(heuristic.speedup)), reward \(Self.reward(heuristic.reward)))"
            guard let best = front.filter({ $0.speedup >= heuristic.speedup }).map(\.reward).max() else {
                misses.append("\(place): no front member is as fast")
                continue
            }
            let margin = best - heuristic.reward
            if margin < 0 {
                let gap = Self.reward(-margin)
                misses.append("\(place): the best front member at that speed has \(Self.reward(best)), \(gap) lower")
            } else if smallest.map({ margin < $0.margin }) ?? true {
                smallest = (margin, heuristic.label)
            }
        }
        let unmeasured = heuristicRows.count - heuristics.count
        let note = unmeasured > 0
            ? " \(unmeasured) heuristic schedule(s) lack a measured reward or speedup and are not counted." : ""
        guard misses.isEmpty else {
            let list = misses.joined(separator: "; ")
            return EvaluationGoal(
                goal: goal, outcome: .missed,
                statement: "Missed for \(misses.count) of \(heuristics.count) heuristic schedules: \(list).\(note)")
        }
        let margin = smallest.map { " The smallest reward margin is \(Self.signed($0.margin)) (at \($0.label))." } ?? ""
        return EvaluationGoal(
            goal: goal, outcome: .met, statement: "All \(heuristics.count) heuristic schedules are matched.\(margin)\(note)")
    }

    private func points(_ rows: [EvaluationRow]) -> [Point] {
        rows.compactMap { row in
            guard let reward = row.reward, let speedup = measuredSpeedup(row) else { return nil }
            return Point(label: row.labelText, speedup: speedup, reward: reward)
        }
    }

    private func describe(_ point: Point, base: Double) -> String {
        let versus = "\(Self.signed(point.reward - base)) vs uncached \(Self.reward(base))"
        return "\(point.label) at \(Self.speed(point.speedup)) with reward \(Self.reward(point.reward)) (\(versus))"
    }

    private static func speed(_ value: Double) -> String { ResultTable.number(value, digits: 2) + "x" }

    private static func reward(_ value: Double) -> String { ResultTable.number(value, digits: 4) }

    private static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + reward(value) }
}
