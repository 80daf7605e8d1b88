import ECADAPI
import Foundation
import Testing

struct WireFormatTests {
    let submitted = Date(timeIntervalSince1970: 1_800_000_000.25)

    @Test func datesAreISO8601WithMillisecondsAndDecodeWithOrWithoutThem() throws {
        let view = JobEventView(id: 1, jobID: 2, time: submitted, from: nil, to: .pending, reason: "Priority", actorUID: 1000)
        let text = try APIJSON.text(of: view)
        #expect(text.contains(#""time":"2027-01-15T08:00:00.250Z""#))
        #expect(try APIJSON.makeDecoder().decode(JobEventView.self, from: Data(text.utf8)) == view)
        let whole = text.replacingOccurrences(of: ".250Z", with: "Z")
        let decoded = try APIJSON.makeDecoder().decode(JobEventView.self, from: Data(whole.utf8))
        #expect(decoded.time == Date(timeIntervalSince1970: 1_800_000_000))
        let broken = text.replacingOccurrences(of: "2027-01-15T08:00:00.250Z", with: "yesterday")
        #expect(throws: DecodingError.self) { try APIJSON.makeDecoder().decode(JobEventView.self, from: Data(broken.utf8)) }
    }

    @Test func jobViewRoundTripsWithProgressAndOmitsAbsentFields() throws {
        let view = JobView(
            id: 42, kind: .search, name: nil, ownerUID: 1000, ownerName: "alice", state: .running, reason: nil,
            cancelledBy: nil, priority: 0, submittedAt: submitted, startedAt: submitted, endedAt: nil, restarts: 1,
            progress: JobProgressView(generation: 3, evaluations: 216, bestReward: 0.8), spec: nil)
        let text = try APIJSON.text(of: view)
        #expect(text.contains(#""state":"RUNNING""#) && text.contains(#""generation":3"#))
        #expect(!text.contains("endedAt") && !text.contains("spec"))
        #expect(try APIJSON.makeDecoder().decode(JobView.self, from: Data(text.utf8)) == view)
    }

    @Test func errorBodyHasTheDocumentedShape() throws {
        let body = ErrorBody(code: ErrorBody.payloadTooLarge, message: "body is over 1 MiB", field: "spec")
        #expect(try APIJSON.text(of: body) == #"{"error":{"code":"payload_too_large","field":"spec","message":"body is over 1 MiB"}}"#)
        #expect(body.description == "payload_too_large: body is over 1 MiB (field spec)")
    }

    @Test func terminalStatesMatchTheStore() {
        #expect(JobView.State.allCases.filter(\.isTerminal) == [.completed, .failed, .cancelled, .timeout])
    }
}
