import Testing

@testable import ECADReport

/// The two goals on hand-made numbers: uncached reward 0.80 at 100 ms.
struct EvaluationGoalTests {
    private typealias F = EvaluationFixture

    private func report(_ rows: [EvaluationRow]) -> EvaluationReport {
        EvaluationReport(title: "t", rows: [F.uncached] + rows)
    }

    @Test func goalOneIsMetByAFrontMemberAtTwiceTheSpeedWithin0_02Reward() {
        let goal = F.report().speedupGoal
        #expect(goal.outcome == .met)
        #expect(goal.statement.contains("job 3 #2 at 2.50x with reward 0.7900 (-0.0100 vs uncached 0.8000)"))
    }

    @Test func goalOneMissedOnRewardSaysByHowMuch() {
        let goal = report([F.row(1, [F.front(1)], reward: 0.75, latency: 0.040), F.row(2, [F.front(2)], reward: 0.80, latency: 0.080)]).speedupGoal
        #expect(goal.outcome == .missed)
        #expect(goal.statement.contains("misses the reward bound by 0.0300"))
        #expect(goal.statement.contains("the fastest within 0.02 reward, job 3 #2 at 1.25x"))
        #expect(goal.statement.contains("0.75x short"))
    }

    @Test func goalOneMissedOnSpeedSaysByHowMuch() {
        let goal = report([F.row(1, [F.front(1)], reward: 0.80, latency: 0.0625)]).speedupGoal
        #expect(goal.outcome == .missed)
        #expect(goal.statement.contains("No front member reaches 2.0x; the fastest, job 3 #1 at 1.60x"))
        #expect(goal.statement.contains("0.40x short"))
    }

    @Test func goalOneIsNotComputedWithoutMeasuredLatency() {
        var rows = F.report().rows
        for index in rows.indices { rows[index].latencySeconds = nil }
        #expect(EvaluationReport(title: "t", rows: rows).speedupGoal.outcome == .notComputed)
    }

    @Test func goalTwoIsMetWhenEveryHeuristicIsWeaklyDominatedByTheFront() {
        let goal = F.report().heuristicGoal
        #expect(goal.outcome == .met)
        #expect(goal.statement.contains("All 2 heuristic schedules are matched"))
        #expect(goal.statement.contains("+0.0100 (at fora:n=2)"))
    }

    @Test func goalTwoMissedNamesEachUnmatchedHeuristicAndTheGap() {
        let goal = report([
            F.row(1, [F.front(1)], reward: 0.79, latency: 0.050),
            F.row(2, [F.heuristic("fora:n=2")], reward: 0.795, latency: 0.050),
            F.row(3, [F.heuristic("fora:n=4")], reward: 0.60, latency: 0.020),
            F.row(4, [F.heuristic("tgate:k=10,sa=1,warmup=2")], reward: 0.70, latency: 0.080),
            F.row(5, [F.heuristic("fora:n=3")], reward: nil, latency: 0.030),
        ]).heuristicGoal
        #expect(goal.outcome == .missed)
        #expect(goal.statement.hasPrefix("Missed for 2 of 3 heuristic schedules"))
        #expect(goal.statement.contains("fora:n=2 (2.00x, reward 0.7950): the best front member at that speed has 0.7900, 0.0050 lower"))
        #expect(goal.statement.contains("fora:n=4 (5.00x, reward 0.6000): no front member is as fast"))
        #expect(!goal.statement.contains("tgate"))
        #expect(goal.statement.contains("1 heuristic schedule(s) lack a measured reward or speedup"))
    }

    @Test func aHeuristicThatIsAlsoAFrontMemberMatchesItself() {
        let goal = report([F.row(1, [F.front(1), F.heuristic("fora:n=2")], reward: 0.7, latency: 0.05)]).heuristicGoal
        #expect(goal.outcome == .met)
    }
}
