/// One of the evaluation's goals, computed from the measured rows: met, missed (and by how much), or not
/// computable (a metric or the baseline is missing).
public struct EvaluationGoal: Sendable, Equatable, Codable {
    /// The outcome.
    public enum Outcome: String, Sendable, Equatable, Codable {
        /// The rows show the goal reached.
        case met
        /// The rows show it missed; ``EvaluationGoal/statement`` says by how much.
        case missed
        /// The rows lack what the goal needs.
        case notComputed = "not computed"
    }

    /// The goal as a sentence, e.g. `a front member with >= 2x measured speedup within 0.02 reward of uncached`.
    public var goal: String
    /// The outcome.
    public var outcome: Outcome
    /// Why: the rows and numbers behind the outcome.
    public var statement: String

    /// A goal result.
    public init(goal: String, outcome: Outcome, statement: String) {
        self.goal = goal
        self.outcome = outcome
        self.statement = statement
    }

    /// `Goal: ... — MET: ...` on one line.
    public var line: String { "\(goal): \(outcome.rawValue.uppercased()). \(statement)" }
}
