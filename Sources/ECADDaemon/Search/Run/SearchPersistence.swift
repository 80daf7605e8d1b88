import ECADCore
import ECADStore
import Foundation

/// Where a search keeps its evaluations and checkpoints.
package protocol SearchPersistence: Sendable {
    /// The stored evaluations among `keys`.
    func stored(_ keys: [EvaluationKey]) async throws -> [EvaluationKey: ECADStore.Evaluation]
    /// Stores one evaluation as soon as it arrives (a key already stored is left as it is).
    func store(_ evaluation: ECADStore.Evaluation) async throws
    /// Saves the state after a generation, in one transaction.
    func saveCheckpoint(generation: Int, state: Data) async throws
    /// The newest checkpoint's state, or nil before the first.
    func latestCheckpoint() async throws -> Data?
}

/// ``SearchPersistence`` on the daemon's store, for one job.
package struct StoreSearchPersistence: SearchPersistence {
    /// The store.
    package let store: Store
    /// The search job.
    package let job: JobID

    /// Persistence for `job` in `store`.
    package init(store: Store, job: JobID) {
        self.store = store
        self.job = job
    }

    package func stored(_ keys: [EvaluationKey]) async throws -> [EvaluationKey: ECADStore.Evaluation] {
        try await store.evaluations.lookup(keys)
    }

    package func store(_ evaluation: ECADStore.Evaluation) async throws {
        try await store.evaluations.insert(evaluation)
    }

    package func saveCheckpoint(generation: Int, state: Data) async throws {
        try await store.checkpoints.save(job: job, generation: generation, state: state)
    }

    package func latestCheckpoint() async throws -> Data? {
        try await store.checkpoints.latest(job: job)?.state
    }
}
