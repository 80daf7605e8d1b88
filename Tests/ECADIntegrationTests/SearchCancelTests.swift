import ECADAPI
import ECADCore
import Foundation
import Testing

/// Cancelling a running search ends its run promptly: the job is CANCELLED, its worker is gone and its slot
/// runs the next job (the search loop itself runs inside the daemon, see SearchStopTests for the loop).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SearchCancelTests {
    @Test("a cancelled search frees its worker and slot within a few seconds")
    func cancelStopsARunningSearch() throws {
        let harness = try DaemonHarness()
        try harness.useFakeModels()
        try harness.start()
        let id = try harness.submitSearch(.object([
            ("model", .string("fake")), ("prompts", .array([.string("a red circle")])), ("population", .int(8)),
            ("budgets", .object([("generations", .int(5_000))])), ("publish", .object([("enabled", .bool(false))])),
        ]))
        try harness.waitForJob(id, "to finish a generation") { ($0.progress?.generation ?? 0) >= 1 }
        let (status, _) = try harness.curl("POST", "/v1/jobs/\(id)/cancel")
        #expect(status == 200)
        #expect(try harness.job(id).state == .cancelled)
        _ = try Poll.until("the search's worker to exit", seconds: 15) { harness.workerPIDs().isEmpty ? true : nil }
        let next = try harness.submit(prompts: ["after the search"])
        try harness.waitForJob(next, "to complete in the freed slot", seconds: 30) { $0.state == .completed }
        #expect(try harness.job(id).state == .cancelled)
    }
}
