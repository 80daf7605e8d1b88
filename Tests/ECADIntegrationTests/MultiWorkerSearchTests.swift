import ECADAPI
import ECADCore
import Foundation
import Synchronization
import Testing

/// One search on several local workers, through the real `ecadd` and native `ecad-worker` on shapes32: the
/// daemon lends its idle slots to the search, and the front is the same whatever the number of workers, after
/// kill -9 of an extra worker, and after kill -9 of the daemon; only chunks in flight are evaluated again.
///
/// Sized for the debug build: 1 prompt × 1 seed, 2 sampler steps, population 8, 2 generations (24 candidates,
/// 2 chunks of 4 per batch, so two workers both have work).
@Suite(.serialized, .timeLimit(.minutes(10)))
struct MultiWorkerSearchTests {
    /// What an uninterrupted run on one worker gives.
    struct Reference: Sendable {
        var front: String
        var requested: Int
        var evaluations: Int?
        /// Wall-clock seconds per candidate on one worker.
        var candidateSeconds: Double
    }

    private static let reference = Mutex<Reference?>(nil)

    static func spec(generations: Int = 2) -> JSONValue {
        .object([
            ("kind", .string("search")), ("model", .string("shapes32")),
            ("prompts", .array([.string("a small red circle at the top left")])),
            ("seeds", .array([.int(0)])), ("sampler", .object([("steps", .int(2))])),
            ("population", .int(8)), ("seed", .int(5)),
            ("init", .object([("heuristics", .array([.string("fora:n=2")]))])),
            ("budgets", .object([("generations", .int(generations))])),
            ("publish", .object([("enabled", .bool(false))])),
        ])
    }

    /// The front's JSON without measured latencies, keys sorted.
    static func front(_ harness: DaemonHarness, _ id: Int64) throws -> String {
        var front = try harness.get("/v1/jobs/\(id)/front", as: FrontView.self)
        for index in front.members.indices { front.members[index].metrics["latencySeconds"] = nil }
        let encoder = APIJSON.makeEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(front), as: UTF8.self)
    }

    /// The one-worker run (computed once per test process).
    static func oneWorker() throws -> Reference {
        if let done = reference.withLock({ $0 }) { return done }
        let harness = try DaemonHarness(slots: 1, worker: .native, recordWorkerIO: true)
        try harness.start()
        let id = try harness.submitSearch(spec())
        let done = try harness.waitForJob(id, "to complete", seconds: 300) { $0.state == .completed }
        let seconds = (done.endedAt ?? Date()).timeIntervalSince(done.startedAt ?? Date())
        let result = Reference(
            front: try front(harness, id), requested: try #require(harness.recorder).requestedSchedules,
            evaluations: done.progress?.evaluations, candidateSeconds: seconds / Double(done.progress?.evaluations ?? 1))
        #expect(harness.stopDaemon() == 0)
        reference.withLock { $0 = result }
        return result
    }

    @Test("1, 2 and 3 workers: the same front, each candidate asked for once, every slot used")
    func frontsAreTheSameForOneTwoAndThreeWorkers() throws {
        let clean = try Self.oneWorker()
        #expect(clean.front.contains("scheduleDigest"))
        #expect(clean.requested == clean.evaluations)
        for workers in [2, 3] {
            let harness = try DaemonHarness(slots: workers, worker: .native, recordWorkerIO: true)
            let recorder = try #require(harness.recorder)
            try harness.start()
            let id = try harness.submitSearch(Self.spec())
            let done = try harness.waitForJob(id, "to complete", seconds: 300) { $0.state == .completed }
            // Every slot used: each worker answered candidates of this search. (Polling the live count raced a
            // 24-candidate search that can end between two polls; MultiWorkerSlotTests checks the live count.)
            let answering = recorder.workerPIDs.filter { pid in
                recorder.requests(pid: pid).contains { $0.answered && $0.schedules > 0 }
            }
            #expect(answering.count == workers, "\(workers) slots: \(answering.count) workers answered candidates")
            #expect(try Self.front(harness, id) == clean.front, "\(workers) workers")
            #expect(done.progress?.evaluations == clean.evaluations)
            #expect(recorder.requestedSchedules == clean.requested, "\(workers) workers: each candidate asked for once")
            #expect(recorder.workerPIDs.count == workers)
            #expect(try harness.job(id).workers == 0)
            #expect(harness.stopDaemon() == 0)
        }
    }

    @Test("kill -9 of an extra worker, then of ecadd: the uninterrupted front, only chunks in flight redone")
    func killedWorkersAndDaemonEndWithTheSameFront() throws {
        let clean = try Self.oneWorker()
        for killDaemon in [false, true] {
            let label = killDaemon ? "ecadd killed" : "extra worker killed"
            let harness = try DaemonHarness(slots: 2, worker: .native, recordWorkerIO: true)
            let recorder = try #require(harness.recorder)
            try harness.start()
            let id = try harness.submitSearch(Self.spec())
            // Both workers part-way through a request, after the first batch.
            let busy = try Poll.until("two workers mid-request", seconds: 300) { () -> [Int32]? in
                let live = Set(harness.workerPIDs())
                let working = recorder.workerPIDs.filter { pid in
                    guard live.contains(pid), let last = recorder.requests(pid: pid).last else { return false }
                    return !last.answered && last.done >= 1
                }
                return working.count == 2 && recorder.finishedSchedules >= 8 ? working : nil
            }
            let inFlight: Int
            if killDaemon {
                inFlight = busy.compactMap { recorder.requests(pid: $0).last?.schedules }.reduce(0, +)
                harness.killDaemon()
                try harness.start()
            } else {
                let extra = try #require(busy.max())
                inFlight = recorder.requests(pid: extra).last?.schedules ?? 0
                kill(extra, SIGKILL)
            }
            let done = try harness.waitForJob(id, "to complete", seconds: 300) { $0.state == .completed }
            #expect(try Self.front(harness, id) == clean.front, "\(label)")
            #expect(done.progress?.evaluations == clean.evaluations, "\(label): fresh evaluations")
            #expect(done.restarts == (killDaemon ? 1 : 0), "\(label): an extra worker's death is no crash of the job")
            let again = recorder.requestedSchedules - clean.requested
            #expect(again >= 0 && again <= inFlight, "\(label): \(again) asked for again, \(inFlight) in flight")
            #expect(harness.stopDaemon() == 0)
        }
    }
}
