import ECADAPI
import Foundation
import Testing

/// Malformed, hostile and oversized input gets a 4xx naming the problem; the daemon stays healthy.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var method: String
        var path: String
        var body: String?
        var status: Int
        var field: String?
        var description: String { "\(method) \(path) \(body?.prefix(60) ?? "")" }
    }

    static let cases: [Case] = [
        Case(method: "POST", path: "/v1/jobs", body: "{not json", status: 400, field: nil),
        Case(method: "POST", path: "/v1/jobs", body: "", status: 400, field: nil),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":["a"]},"color":1}"#, status: 400, field: "color"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":["a"]},"priority":"high"}"#, status: 400, field: "priority"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"dance","spec":{}}"#, status: 400, field: "kind"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate"}"#, status: 400, field: "spec"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":["a"],"colour":2}}"#, status: 400, field: "spec.colour"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":"a"}}"#, status: 400, field: "spec.prompts.file"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":["a"],"model":"../../etc/passwd"}}"#, status: 400, field: "spec.model"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":["a"]},"name":"../../etc/passwd"}"#, status: 400, field: "name"),
        Case(method: "POST", path: "/v1/jobs", body: #"{"kind":"generate","spec":[1,2]}"#, status: 400, field: "spec"),
        Case(method: "GET", path: "/v1/jobs/424242", body: nil, status: 404, field: nil),
        Case(method: "GET", path: "/v1/jobs/abc", body: nil, status: 400, field: "id"),
        Case(method: "GET", path: "/v1/jobs/..%2F..%2Fetc", body: nil, status: 400, field: "id"),
        Case(method: "POST", path: "/v1/jobs/424242/cancel", body: nil, status: 404, field: nil),
        Case(method: "GET", path: "/v1/jobs/424242/logs", body: nil, status: 404, field: nil),
        Case(method: "GET", path: "/v1/jobs?state=SLEEPING", body: nil, status: 400, field: "state"),
        Case(method: "GET", path: "/v1/jobs?user=no-such-user-xyz", body: nil, status: 400, field: "user"),
        Case(method: "GET", path: "/v1/jobs/1/events?after=-3", body: nil, status: 400, field: "after"),
        Case(method: "GET", path: "/v1/nothing-here", body: nil, status: 404, field: nil),
    ]

    @Test("bad requests get a 4xx with an error body naming the field")
    func badRequests() throws {
        let harness = try DaemonHarness()
        try harness.start()
        _ = try harness.submit(prompts: ["a"])
        for item in Self.cases {
            let (status, body) = try harness.curl(item.method, item.path, body: item.body)
            #expect(status == item.status, "\(item): got \(status) \(String(decoding: body, as: UTF8.self))")
            let error = try? APIJSON.makeDecoder().decode(ErrorBody.self, from: body)
            #expect(error != nil, "\(item): no JSON error body")
            #expect(error?.error.message.isEmpty == false)
            if let field = item.field { #expect(error?.error.field == field, "\(item): \(String(describing: error))") }
        }
        #expect(try harness.health().status == "ok")
    }

    @Test("a body over 1 MiB gets 413")
    func oversizedBody() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let prompt = String(repeating: "x", count: 1_100_000)
        let (status, body) = try harness.curl("POST", "/v1/jobs", body: #"{"kind":"generate","spec":{"prompts":[""#+prompt+#""]}}"#)
        #expect(status == 413, "\(String(decoding: body.prefix(200), as: UTF8.self))")
        #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: body).error.code == ErrorBody.payloadTooLarge)
        #expect(try harness.health().status == "ok")
    }
}
