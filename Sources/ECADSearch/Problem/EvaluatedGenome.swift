/// A genome with its evaluation: a member of a population or a front.
public struct EvaluatedGenome: Codable, Sendable, Equatable, Hashable {
    /// The candidate.
    public var genome: Genome
    /// Its measured objectives and constraints.
    public var evaluation: Evaluation

    /// Pairs a genome with its evaluation.
    public init(genome: Genome, evaluation: Evaluation) {
        self.genome = genome
        self.evaluation = evaluation
    }
}
