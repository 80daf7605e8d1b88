@testable import ECADDaemon
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation
import Testing

/// Page server time with 1,000 jobs and a 72-member front (docs/benchmarks.md, "Dashboard pages"): fills an
/// on-disk store, then times each route (router to rendered body, no socket), interleaved, and prints the median
/// and spread. Runs only with `ECAD_UI_BENCH=1` (Benchmarks/ui/pages.sh runs it on a release build).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ECAD_UI_BENCH"] != nil))
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

    @Test func pagesWithAThousandJobsAndA72MemberFront() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-ui-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let models = try SearchFixture.modelsDirectory(layers: 28)
        let store = try Store(stateDirectory: folder)
        let search = try await store.jobs.submit(NewJob(kind: .search, specJSON: Self.specJSON, ownerUID: 1000, ownerName: "alice"))
        _ = try await store.jobs.claimNext(slots: 1)
        let spec = try SearchRunner.parse(Data(Self.specJSON.utf8), policy: SpecPolicy(roots: SharedRoots([])))
        let plan = try SearchFixture.plan(spec, models: models)
        let checkpoint = try await SearchFixture.run(plan, store: store, job: search.id, evaluator: LineEvaluator())
        let front = try SearchFront(checkpoint: checkpoint, codec: plan.codec)
        _ = try await FrontPublisher(
            plan: plan, modelDigest: "m", job: search.id, owner: RegistryActor(uid: 1000, userName: "alice", isAdmin: false)
        ).publish(front, uncachedReward: nil, to: store.registry)
        try await store.logs.append(job: search.id, stream: .worker, lines: (0..<2000).map { "log line \($0)" })
        for index in 1..<1000 {
            let job = try await store.jobs.submit(
                NewJob(kind: index % 3 == 0 ? .search : .generate, specJSON: "{}", ownerUID: 1000 + UInt32(index % 7),
                       ownerName: "user\(index % 7)", name: "job-\(index)"))
            if index % 5 != 0 { _ = try await store.jobs.cancel(job.id, by: 0) }
        }
        let client = UIPageClient(router: UIPageClient.router(UIPageFixture.daemon(store: store, models: models)))
        let digest = front.members[front.members.count / 2].digest.hex
        let routes = [
            "/ui/", "/ui/?limit=1000", "/ui/jobs/\(search.id)", "/ui/schedules/\(digest)?job=\(search.id)",
            "/ui/schedules/\(digest)", "/ui/registry",
        ]
        var times: [String: [Double]] = [:]
        for round in 0..<23 {
            for route in routes {
                let start = ContinuousClock.now
                let answer = try await client.get(route, as: 1000)
                let elapsed = ContinuousClock.now - start
                #expect(answer.status == .ok, "\(route)")
                let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                if round >= 3 { times[route, default: []].append(milliseconds) }
            }
        }
        let page = try await client.get("/ui/jobs/\(search.id)", as: 1000)
        print("UI bench: \(try await store.jobs.list(JobFilter(includeFinished: true, limit: 100_000)).count) jobs, front of \(front.members.count), "
            + "\(page.text.occurrences(of: "class=\"front-point\"")) points on the job page")
        for route in routes {
            let sorted = (times[route] ?? []).sorted()
            let figures = String(
                format: "median %7.2f ms  min %7.2f  max %7.2f  (n=%d)", sorted[sorted.count / 2], sorted.first ?? 0,
                sorted.last ?? 0, sorted.count)
            print("UI bench: \(route.padding(toLength: 48, withPad: " ", startingAt: 0)) \(figures)")
        }
    }
}
