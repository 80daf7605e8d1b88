import ECADAPI
import Foundation
import Testing

/// A second uid (nobody, 65534, via setpriv when the tests run as root) cannot touch another user's job.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SecondUserTests {
    static let nobody: UInt32 = 65534

    @Test("another user cannot cancel, hold, requeue or read the logs of a job; can see it and run their own",
          .enabled(if: getuid() == 0, "needs root to act as a second uid"))
    func secondUserIsRefused() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let gate = harness.path("go")
        let id = try harness.submit(prompts: ["wait-for:\(gate)"])
        for action in ["cancel", "hold", "requeue"] {
            let (status, body) = try harness.curl("POST", "/v1/jobs/\(id)/\(action)", asUID: Self.nobody)
            #expect(status == 403, "\(action): \(String(decoding: body, as: UTF8.self))")
            #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: body).error.code == ErrorBody.forbidden)
        }
        let (logStatus, _) = try harness.curl("GET", "/v1/jobs/\(id)/logs", asUID: Self.nobody)
        #expect(logStatus == 403)
        let (showStatus, _) = try harness.curl("GET", "/v1/jobs/\(id)", asUID: Self.nobody)
        #expect(showStatus == 200)
        #expect(try harness.job(id).state != .cancelled)

        let own = try harness.submit(prompts: ["mine"], asUID: Self.nobody)
        #expect(try harness.job(own).ownerUID == Self.nobody)
        let (cancelOwn, _) = try harness.curl("POST", "/v1/jobs/\(own)/cancel", asUID: Self.nobody)
        #expect(cancelOwn == 200)
        let (rootCancels, _) = try harness.curl("POST", "/v1/jobs/\(id)/cancel")
        #expect(rootCancels == 200)
    }
}
