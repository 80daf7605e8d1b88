/// The measured values of one genome: objectives (all minimized) and constraint values
/// (`g ≤ 0` means satisfied).
///
/// A candidate whose evaluation failed can be reported with a positive constraint value so the
/// search ranks it below every feasible candidate instead of dropping it.
public struct Evaluation: Codable, Sendable, Equatable, Hashable {
    /// Objective values, all minimized.
    public var objectives: [Double]
    /// Constraint values; each `g ≤ 0` is satisfied.
    public var constraints: [Double]

    /// Creates an evaluation.
    public init(objectives: [Double], constraints: [Double] = []) {
        self.objectives = objectives
        self.constraints = constraints
    }

    /// Total constraint violation: the sum of the positive constraint values (0 when feasible).
    public var violation: Double {
        constraints.reduce(0) { $0 + max(0, $1) }
    }

    /// Whether every constraint is satisfied.
    public var isFeasible: Bool { violation == 0 }

    /// Pareto dominance on objectives alone: no worse in every objective and better in one.
    public func dominates(_ other: Evaluation) -> Bool {
        var better = false
        for (mine, theirs) in zip(objectives, other.objectives) {
            if mine > theirs { return false }
            if mine < theirs { better = true }
        }
        return better
    }

    /// Constraint domination (Deb): a feasible evaluation beats an infeasible one, of two infeasible
    /// ones the smaller violation wins, and two feasible ones compare by Pareto dominance.
    public func constrainedDominates(_ other: Evaluation) -> Bool {
        let mine = violation
        let theirs = other.violation
        if mine == 0, theirs == 0 { return dominates(other) }
        return mine < theirs
    }
}
