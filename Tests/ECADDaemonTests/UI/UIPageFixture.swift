@testable import ECADDaemon
import ECADCore
import ECADStore
import Foundation
import Hummingbird
import Logging
import Testing

/// A daemon context over a store with a finished toy search (published to the registry as `toy/job-1`) and a
/// pending generate job named ``hostileName``, both owned by uid 1000, and a router with the dashboard's routes,
/// asked as any uid. ``hostileScript`` is a search log line and a registry name (job names cannot hold a `/`).
struct UIPageFixture {
    /// Owner of both jobs (no passwd entry, not an administrator).
    static let owner: UInt32 = 1000
    /// Another user, not an administrator.
    static let stranger: UInt32 = 65534
    /// The hostile job name.
    static let hostileName = "<img src=x onerror=alert(1)>"
    /// The hostile log line and registry name.
    static let hostileScript = "<script>alert(1)</script>"

    let daemon: DaemonContext
    let search: JobID
    let pending: JobID
    let checkpoint: SearchCheckpoint
    let router: Router<DaemonRequestContext>

    static func make() async throws -> UIPageFixture {
        let models = try SearchFixture.modelsDirectory()
        let (store, search, checkpoint) = try await EvaluateFixture.finishedSearch(models: models)
        let plan = try SearchFixture.plan(
            try SearchRunner.parse(Data(EvaluateFixture.searchSpecJSON.utf8), policy: SpecPolicy(roots: SharedRoots([]))),
            models: models)
        let front = try SearchFront(checkpoint: checkpoint, codec: plan.codec)
        let publisher = FrontPublisher(
            plan: plan, modelDigest: "m", job: search, owner: RegistryActor(uid: owner, userName: "test", isAdmin: false))
        _ = try await publisher.publish(front, uncachedReward: nil, to: store.registry)
        try await store.logs.append(job: search, stream: .worker, lines: ["generation 1 done <b>", hostileScript])
        try await store.registry.setAlias(
            "best", of: hostileScript, to: try #require(front.members.first).digest.hex,
            by: RegistryActor(uid: owner, userName: "test", isAdmin: false))
        let pending = try await store.jobs.submit(
            NewJob(kind: .generate, specJSON: "{}", ownerUID: owner, ownerName: "test", name: hostileName))
        try await store.jobs.updateProgress(pending.id, json: #"{"imagesDone": 3, "imagesTotal": 10}"#)
        let daemon = daemon(store: store, models: models)
        return UIPageFixture(
            daemon: daemon, search: search, pending: pending.id, checkpoint: checkpoint, router: UIPageClient.router(daemon))
    }

    /// A daemon context on `store` (a temporary state folder; the search runner reads models from `models`).
    static func daemon(store: Store, models: URL) -> DaemonContext {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-ui-\(UUID().uuidString)")
        let policy = SpecPolicy(roots: SharedRoots([]))
        return DaemonContext(
            configuration: DaemonConfiguration(socketPath: "/nonexistent.sock", stateDirectory: state.path, workerExecutable: "/bin/false"),
            store: store, policy: AccessPolicy(), running: RunningJobs(), wakeup: SchedulerWakeup(),
            runners: [.search: SearchRunner(modelsDirectory: models, policy: policy)], startedAt: Date(),
            logger: Logger(label: "ui-test"))
    }

    /// `GET path` as `uid` (see ``UIPageClient/get(_:as:)``).
    func get(_ path: String, as uid: UInt32 = owner) async throws -> UIPageClient.Answer {
        try await UIPageClient(router: router).get(path, as: uid)
    }
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
