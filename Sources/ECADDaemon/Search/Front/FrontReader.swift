import ECADAPI
import ECADCore
import ECADStore
import Foundation

/// Reads a search job's front from its newest checkpoint, for `GET /v1/jobs/{id}/front`.
package enum FrontReader {
    /// The front view of `job`, or nil when it has no checkpoint yet.
    /// - Throws: ``DaemonError/configuration(_:)`` for an unreadable checkpoint.
    package static func view(job id: JobID, store: Store) async throws -> FrontView? {
        guard let data = try await store.checkpoints.latest(job: id)?.state else { return nil }
        return try SearchCheckpoint.decode(data).view(job: id.rawValue)
    }
}
