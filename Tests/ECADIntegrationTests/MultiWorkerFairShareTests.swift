import ECADAPI
import ECADCore
import Foundation
import Testing

/// With one user's search holding both slots (its own and a lent one), another user's job takes a slot back
/// within one candidate's time, and the search still ends with the front it has on one worker.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct MultiWorkerFairShareTests {
    @Test("another user's generate job starts within one candidate's time; the search's front is unchanged")
    func aWaitingJobOfAnotherUserGetsALentSlotBack() throws {
        let clean = try MultiWorkerSearchTests.oneWorker()
        let harness = try DaemonHarness(slots: 2, worker: .native)
        try harness.start()
        let search = try harness.submitSearch(MultiWorkerSearchTests.spec())
        try harness.waitForJob(search, "to hold both slots", seconds: 300) { $0.workers == 2 }

        let request = SubmitJobRequest(
            kind: .generate,
            spec: .object([
                ("model", .string("shapes32")), ("prompts", .array(Array(repeating: .string("a blue square"), count: 6))),
                ("sampler", .object([("steps", .int(2))])),
            ]))
        let body = String(decoding: try APIJSON.makeEncoder().encode(request), as: UTF8.self)
        let (status, answer) = try harness.curl("POST", "/v1/jobs", body: body, asUID: 65534)
        try #require(status == 201, "submit as nobody answered \(status): \(String(decoding: answer, as: UTF8.self))")
        let other = try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
        let started = try harness.waitForJob(other, "to start", seconds: 60) { $0.state != .pending }
        let latency = try #require(started.startedAt).timeIntervalSince(started.submittedAt)
        print("fair share: job \(other) RUNNING \(latency) s after submit; one candidate takes \(clean.candidateSeconds) s")
        #expect(latency <= clean.candidateSeconds, "started \(latency) s after submit; a candidate takes \(clean.candidateSeconds) s")
        let during = try harness.job(search)
        #expect(during.state == .completed || during.workers <= 1, "the search gave its lent slot back")

        try harness.waitForJob(other, "to complete", seconds: 120) { $0.state == .completed }
        let done = try harness.waitForJob(search, "to complete", seconds: 300) { $0.state == .completed }
        #expect(try MultiWorkerSearchTests.front(harness, search) == clean.front)
        #expect(done.progress?.evaluations == clean.evaluations)
        #expect(done.restarts == 0)
        #expect(harness.stopDaemon() == 0)
    }
}
