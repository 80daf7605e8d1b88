import ECADCore
import Foundation

/// A search job's saved state after one generation (population, RNG state, archive), opaque to the store.
public struct Checkpoint: Sendable, Hashable {
    /// The job it belongs to.
    public var jobID: JobID
    /// The generation it completes.
    public var generation: Int
    /// The serialized state.
    public var state: Data
    /// When it was saved.
    public var createdAt: Date

    /// Describes a checkpoint.
    public init(jobID: JobID, generation: Int, state: Data, createdAt: Date) {
        self.jobID = jobID
        self.generation = generation
        self.state = state
        self.createdAt = createdAt
    }
}
