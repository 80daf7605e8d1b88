/// The dimensions of a binary multi-objective problem: what the search needs to know about it.
public struct ProblemShape: Codable, Sendable, Equatable, Hashable {
    /// Bits per genome (for a caching schedule: steps × blocks × components).
    public let genomeLength: Int
    /// Number of objectives, all minimized.
    public let objectiveCount: Int
    /// Number of inequality constraints `g(x) ≤ 0`.
    public let constraintCount: Int

    /// Creates a shape; throws unless the length and objective count are positive and the
    /// constraint count is not negative.
    public init(genomeLength: Int, objectiveCount: Int, constraintCount: Int = 0) throws(SearchError) {
        guard genomeLength > 0 else {
            throw .invalidConfiguration("genomeLength must be positive, got \(genomeLength)")
        }
        guard objectiveCount > 0 else {
            throw .invalidConfiguration("objectiveCount must be positive, got \(objectiveCount)")
        }
        guard constraintCount >= 0 else {
            throw .invalidConfiguration("constraintCount must not be negative, got \(constraintCount)")
        }
        self.genomeLength = genomeLength
        self.objectiveCount = objectiveCount
        self.constraintCount = constraintCount
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            genomeLength: container.decode(Int.self, forKey: .genomeLength),
            objectiveCount: container.decode(Int.self, forKey: .objectiveCount),
            constraintCount: container.decode(Int.self, forKey: .constraintCount)
        )
    }

    /// Throws unless `genome` has ``genomeLength`` bits.
    public func validate(_ genome: Genome) throws(SearchError) {
        guard genome.count == genomeLength else {
            throw .invalidGenome("expected \(genomeLength) bits, got \(genome.count)")
        }
    }

    /// Throws unless `evaluation` has the right counts and only finite values.
    public func validate(_ evaluation: Evaluation) throws(SearchError) {
        guard evaluation.objectives.count == objectiveCount else {
            throw .invalidEvaluation("expected \(objectiveCount) objectives, got \(evaluation.objectives.count)")
        }
        guard evaluation.constraints.count == constraintCount else {
            throw .invalidEvaluation("expected \(constraintCount) constraint values, got \(evaluation.constraints.count)")
        }
        guard evaluation.objectives.allSatisfy(\.isFinite), evaluation.constraints.allSatisfy(\.isFinite) else {
            throw .invalidEvaluation("values must be finite, got \(evaluation.objectives) / \(evaluation.constraints)")
        }
    }
}
