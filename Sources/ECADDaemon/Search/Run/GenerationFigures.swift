/// A search's figures after one generation, kept in every checkpoint (``SearchCheckpoint/history``) so that the
/// dashboard can plot hypervolume and best reward per generation although only the newest checkpoints are kept.
package struct GenerationFigures: Codable, Sendable, Equatable {
    /// The generation completed.
    package var generation: Int
    /// The front's hypervolume after it.
    package var hypervolume: Double
    /// The best reward on the front, if the front has members.
    package var bestReward: Double?
    /// Evaluations so far (fresh and reused).
    package var evaluations: Int
    /// Evaluations reused from the cache so far.
    package var cacheHits: Int
}
