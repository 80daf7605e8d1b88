import ECADCore
import ECADStore
import Foundation

/// Stores and fixtures for tests.
enum TestStores {
    /// An in-memory store on `clock`.
    static func inMemory(clock: ManualClock = ManualClock(), policy: PriorityPolicy = PriorityPolicy()) throws -> Store {
        try Store.inMemory(configuration: StoreConfiguration(policy: policy, now: { clock.now }))
    }

    /// A fresh temporary directory, removed by the caller with `FileManager.removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A job description for `uid`.
    static func newJob(
        _ kind: JobKind = .search, uid: UInt32 = 1000, user: String = "alice", priority: Int = 0, name: String? = nil
    ) -> NewJob {
        NewJob(kind: kind, specJSON: #"{"model":"shapes32"}"#, ownerUID: uid, ownerName: user, priority: priority, name: name)
    }
}
