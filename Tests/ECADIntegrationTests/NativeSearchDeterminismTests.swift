import ECADAPI
import ECADCore
import ECADSearch
import Foundation
import Testing

/// A search on the embedded shapes32 model, run by the real native worker through the real `ecadd`: killed
/// with SIGKILL at seeded random points (the daemon, restarted on the same state dir; separately the worker)
/// and resumed, it ends with the front of an uninterrupted run, and only the candidates in flight at a kill
/// are asked for again.
///
/// Sized for the debug build CI tests: 1 prompt × 1 seed, 2 sampler steps, population 4, 2 generations
/// (12 candidates, 12 images per run; the debug engine takes about 0.7 s per uncached image). Each worker
/// request holds one batch of 4 (the runner's chunk size), and the worker answers a request as a whole, so
/// a kill mid-request loses all 4.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct NativeSearchDeterminismTests {
    /// Kills per interrupted run.
    private static let kills = 2

    /// The strategies checked (issue 14): plain NSGA-II, racing, surrogate screening.
    enum Strategy: String, CaseIterable, Sendable {
        case plain, racing, surrogate
    }

    /// Submits the search; racing on two prompts raced in two chunks (`[strategy] racing`), the surrogate picking
    /// from a pool of twice the offspring count (`[strategy] surrogate`).
    private static func submit(_ harness: DaemonHarness, strategy: Strategy) throws -> Int64 {
        let racing = strategy == .racing
        let prompts: [JSONValue] = [.string("a small red circle at the top left")]
            + (racing ? [.string("a large blue square at the bottom right")] : [])
        return try harness.submitSearch(.object([
            ("kind", .string("search")), ("model", .string("shapes32")),
            ("prompts", .array(prompts)),
            ("strategy", .object([
                ("racing", .bool(racing)), ("race_chunks", .int(2)), ("race_margin", .int(0)),
                ("surrogate", .bool(strategy == .surrogate)), ("surrogate_pool", .int(2)),
            ])),
            ("seeds", .array([.int(0)])), ("sampler", .object([("steps", .int(2))])),
            ("population", .int(4)), ("seed", .int(11)),
            ("init", .object([("heuristics", .array([.string("fora:n=2")]))])),
            ("budgets", .object([("generations", .int(2))])),
            ("publish", .object([("enabled", .bool(false))])),
        ]))
    }

    /// The front's JSON without the measured latencies (wall-clock time differs between any two runs), with
    /// sorted keys: schedule digests, rewards, MAC ratios, speedups, generation and hypervolume.
    private static func front(_ harness: DaemonHarness, _ id: Int64) throws -> String {
        var front = try harness.get("/v1/jobs/\(id)/front", as: FrontView.self)
        for index in front.members.indices { front.members[index].metrics["latencySeconds"] = nil }
        let encoder = APIJSON.makeEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(front), as: UTF8.self)
    }

    /// Runs the search to the end without interruption: its front and the schedules the worker was asked for.
    private static func uninterrupted(strategy: Strategy) throws -> (front: String, requested: Int, evaluations: Int?) {
        let harness = try DaemonHarness(worker: .native, recordWorkerIO: true)
        try harness.start()
        let id = try Self.submit(harness, strategy: strategy)
        let done = try harness.waitForJob(id, "to complete", seconds: 240) { $0.state == .completed }
        let front = try front(harness, id)
        #expect(harness.stopDaemon() == 0)
        return (front, try #require(harness.recorder).requestedSchedules, done.progress?.evaluations)
    }

    @Test(
        "kill -9 of the daemon or of the native worker mid-evaluation: the uninterrupted front, only in-flight candidates redone",
        arguments: Strategy.allCases)
    func killedNativeSearchesEndWithTheSameFront(strategy: Strategy) throws {
        let clean = try Self.uninterrupted(strategy: strategy)
        #expect(clean.front.contains("scheduleDigest"))
        #expect(clean.requested == clean.evaluations, "each candidate is asked for once in an uninterrupted run")

        var random = SplitMix64(seed: 0xEC4D_0003)
        for killDaemon in [true, false] {
            let label = (killDaemon ? "daemon killed" : "worker killed") + ", \(strategy.rawValue)"
            let harness = try DaemonHarness(worker: .native, recordWorkerIO: true)
            let recorder = try #require(harness.recorder)
            try harness.start()
            let id = try Self.submit(harness, strategy: strategy)
            var inFlight = 0, target = 0
            for _ in 0..<Self.kills {
                target += 1 + Int(random.next() % 4)
                guard let worker = try Self.waitForMidEvaluation(harness, id, finished: target) else { break }
                if killDaemon {
                    harness.killDaemon()
                    try harness.start()
                } else {
                    kill(worker, SIGKILL)
                    try harness.waitForJob(id, "to run a new worker", seconds: 60) { job in
                        job.state == .completed || job.state == .running && !harness.workerPIDs().contains(worker)
                    }
                }
                // Everything the killed process asked for that may not be stored: its last request.
                inFlight += recorder.requests(pid: worker).last?.schedules ?? 0
            }
            let done = try harness.waitForJob(id, "to complete", seconds: 240) { $0.state == .completed }
            #expect(done.restarts > 0, "\(label): the job was never interrupted")
            #expect(try Self.front(harness, id) == clean.front, "\(label)")
            #expect(done.progress?.evaluations == clean.evaluations, "\(label)")
            let again = recorder.requestedSchedules - clean.requested
            #expect(again >= 0 && again <= inFlight, "\(label): \(again) candidates asked for again, \(inFlight) in flight")
            #expect(harness.stopDaemon() == 0)
        }
    }

    /// Waits until the worker has finished at least `finished` schedules in all and is part-way through a
    /// request; returns its pid, or nil when the job completed first (asked every 25th poll: each API call is
    /// a `curl` process).
    private static func waitForMidEvaluation(_ harness: DaemonHarness, _ id: Int64, finished: Int) throws -> Int32? {
        let recorder = try #require(harness.recorder)
        var polls = 0
        return try Poll.until("\(finished) schedules evaluated and a request part-done", seconds: 120) { () -> Int32?? in
            polls += 1
            if polls % 25 == 0, try harness.job(id).state == .completed { return .some(nil) }
            guard recorder.finishedSchedules >= finished, let worker = harness.workerPIDs().last,
                let last = recorder.requests(pid: worker).last, !last.answered, last.done >= 1
            else { return nil }
            return .some(worker)
        }
    }
}
