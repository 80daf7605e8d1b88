/// One evaluated candidate as surrogate training data.
public struct SurrogateSample: Codable, Sendable, Equatable {
    /// The candidate.
    public var genome: Genome
    /// Its measured mean reward (a partial mean when racing or multi-fidelity stopped it early).
    public var reward: Double

    /// A sample.
    public init(genome: Genome, reward: Double) {
        self.genome = genome
        self.reward = reward
    }
}
