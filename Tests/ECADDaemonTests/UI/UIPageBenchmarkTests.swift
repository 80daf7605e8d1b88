@testable import ECADDaemon
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation
import Testing

/// Fills the store Benchmarks/ui/pages.py times the dashboard on: 1,000 jobs (a finished search with a 72-member
/// front on a 28-block toy model, published to the registry, with 2,000 log lines; 799 cancelled and 200 held
/// jobs of 7 users). Runs only when `ECAD_UI_BENCH_ROOT` names an empty folder: it writes `state/` (the store)
/// and `models/` there, and checks every page answers.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ECAD_UI_BENCH_ROOT"] != nil))
struct UIPageBenchmarkTests {
    /// Scores a schedule by the fraction of bits it computes: every member lies on one reward-against-MACs line,
    /// so the whole population is the front.
    struct LineEvaluator: SearchEvaluator {
        func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
            schedules.enumerated().map { index, schedule in
                let reward = Double(schedule.computeCount) / Double(schedule.bitCount)
                return EvaluateResult.Evaluation(
                    index: index, rewards: prompts.map { _ in reward }, macs: Double(schedule.computeCount),
                    latencySeconds: 0.01 * reward)
            }
        }
    }

    static let specJSON = """
        {"model": "toy", "prompts": ["p0", "p1"], "population": 72, "seed": 7, "sampler": {"steps": 20},
         "init": {"heuristics": ["fora:n=2", "uncached"]}, "budgets": {"generations": 4}}
        """

    @Test func fillTheBenchmarkStore() async throws {
        let root = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["ECAD_UI_BENCH_ROOT"]))
        let models = try SearchFixture.modelsDirectory(layers: 28)
        try FileManager.default.copyItem(at: models, to: root.appendingPathComponent("models"))
        let state = root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try Store(stateDirectory: state)
        let search = try await store.jobs.submit(
            NewJob(kind: .search, specJSON: Self.specJSON, ownerUID: 0, ownerName: "root", name: "bench-search"))
        _ = try await store.jobs.claimNext(slots: 1)
        let spec = try SearchRunner.parse(Data(Self.specJSON.utf8), policy: SpecPolicy(roots: SharedRoots([])))
        let plan = try SearchFixture.plan(spec, models: models)
        let checkpoint = try await SearchFixture.run(plan, store: store, job: search.id, evaluator: LineEvaluator())
        let front = try SearchFront(checkpoint: checkpoint, codec: plan.codec)
        #expect(front.members.count == 72)
        _ = try await FrontPublisher(
            plan: plan, modelDigest: "m", job: search.id, owner: RegistryActor(uid: 0, userName: "root", isAdmin: true)
        ).publish(front, uncachedReward: nil, to: store.registry)
        try await store.logs.append(job: search.id, stream: .worker, lines: (0..<2000).map { "log line \($0)" })
        _ = try await store.jobs.complete(search.id)
        for index in 1..<1000 {
            let job = try await store.jobs.submit(
                NewJob(kind: index % 3 == 0 ? .search : .generate, specJSON: "{}", ownerUID: 1000 + UInt32(index % 7),
                       ownerName: "user\(index % 7)", name: "job-\(index)"))
            if index % 5 == 0 {
                _ = try await store.jobs.hold(job.id, by: 0)
            } else {
                _ = try await store.jobs.cancel(job.id, by: 0)
            }
        }
        let client = UIPageClient(router: UIPageClient.router(UIPageFixture.daemon(store: store, models: models)))
        let digest = front.members[front.members.count / 2].digest.hex
        for route in ["/ui/", "/ui/jobs/\(search.id)", "/ui/schedules/\(digest)?job=\(search.id)", "/ui/registry"] {
            let page = try await client.get(route, as: 0)
            #expect(page.status == .ok, "\(route)")
            if route.hasPrefix("/ui/jobs/") { #expect(page.text.occurrences(of: "class=\"front-point\"") == 72) }
        }
        try Data("\(search.id) \(digest)\n".utf8).write(to: root.appendingPathComponent("search.txt"))
    }
}
