/// A binary multi-objective problem that can be evaluated in-process (toy problems, tests, benchmarks).
///
/// Real searches evaluate outside the process and drive ``NSGA2State`` through
/// ``NSGA2State/nextOffspring()`` and ``NSGA2State/tell(_:at:)``; ``NSGA2State/step(_:)`` is the
/// same loop for a problem that can answer at once.
public protocol BinaryProblem {
    /// Genome length, objective and constraint counts.
    var shape: ProblemShape { get }
    /// Evaluates one genome of ``ProblemShape/genomeLength`` bits.
    func evaluate(_ genome: Genome) -> Evaluation
}
