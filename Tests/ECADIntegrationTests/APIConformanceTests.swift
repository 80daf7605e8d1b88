import ECADAPI
import Foundation
import Testing

/// The server answers what docs/openapi.yaml says, in the places schemathesis found them apart (tests/api runs
/// schemathesis itself): undeclared methods, ids and counts past 64 bits, booleans without a value, empty list items.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct APIConformanceTests {
    /// A request's status, `Allow` header and error body.
    struct Answer {
        var status: Int
        var allow: String?
        var error: ErrorBody?
    }

    /// `curl --unix-socket` with the response headers, which ``DaemonHarness/curl(_:_:body:asUID:)`` leaves out.
    static func request(_ harness: DaemonHarness, _ method: String, _ path: String) throws -> Answer {
        let headers = harness.path("headers-\(UUID().uuidString.prefix(8))")
        let result = try CommandResult.run(
            "/usr/bin/curl",
            ["-s", "-o", "-", "-D", headers, "-w", "\n%{http_code}", "--unix-socket", harness.socket, "-X", method,
             "http://localhost" + path])
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.last ?? "") ?? 0
        let body = Data(lines.dropLast().joined(separator: "\n").utf8)
        let allow = try String(contentsOfFile: headers, encoding: .utf8).split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("allow:") }
            .map { $0.dropFirst("allow:".count).trimmingCharacters(in: .whitespaces) }
        return Answer(status: status, allow: allow, error: try? APIJSON.makeDecoder().decode(ErrorBody.self, from: body))
    }

    @Test("a known path asked with another method is a 405 listing the allowed ones in Allow; an unknown path a 404")
    func methodNotAllowed() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let id = try harness.submit(prompts: ["a"])
        let cases: [(method: String, path: String, allow: String)] = [
            ("TRACE", "/v1/health", "GET"), ("TRACE", "/metrics", "GET"), ("DELETE", "/v1/jobs", "GET, POST"),
            ("PUT", "/v1/jobs/\(id)", "GET"), ("GET", "/v1/jobs/\(id)/cancel", "POST"),
            ("PATCH", "/v1/jobs/\(id)/artifacts/file?path=grid.png", "GET"),
        ]
        for item in cases {
            let answer = try Self.request(harness, item.method, item.path)
            #expect(answer.status == 405, "\(item.method) \(item.path)")
            #expect(answer.allow == item.allow, "\(item.method) \(item.path)")
            #expect(answer.error?.error.code == ErrorBody.methodNotAllowed, "\(item.method) \(item.path)")
        }
        let unknown = try Self.request(harness, "TRACE", "/v1/nothing-here")
        #expect(unknown.status == 404)
        #expect(unknown.allow == nil)
        #expect(unknown.error?.error.code == ErrorBody.notFound)
    }

    @Test("ids and counts past 2^63-1, bare booleans and empty list items are 400s naming the parameter")
    func parameterBounds() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let id = try harness.submit(prompts: ["a"])
        let cases: [(path: String, field: String)] = [
            ("/v1/jobs/9223372036854775808", "id"), ("/v1/jobs/9223372036854775808/front", "id"),
            ("/v1/jobs/18446744073709551616/artifacts", "id"), ("/v1/jobs/0/logs", "id"),
            ("/v1/jobs/\(id)/logs?after=9223372036854775808", "after"),
            ("/v1/jobs/\(id)/events?after=-1", "after"), ("/v1/jobs?limit=9223372036854775808", "limit"),
            ("/v1/jobs/\(id)/events?follow=", "follow"), ("/v1/jobs/\(id)/events?follow", "follow"),
            ("/v1/jobs/\(id)/events?follow=yes", "follow"), ("/v1/jobs?all", "all"), ("/v1/jobs?all=TRUE", "all"),
            ("/v1/jobs?state=", "state"), ("/v1/jobs?state=PENDING,", "state"), ("/v1/jobs?kind=generate,,search", "kind"),
        ]
        for item in cases {
            let answer = try Self.request(harness, "GET", item.path)
            #expect(answer.status == 400, "\(item.path)")
            #expect(answer.error?.error.field == item.field, "\(item.path): \(String(describing: answer.error))")
        }
        for path in ["/v1/jobs/9223372036854775807", "/v1/jobs/9223372036854775807/artifacts"] {
            #expect(try Self.request(harness, "GET", path).status == 404, "\(path)")
        }
        for path in ["/v1/jobs/\(id)/events?follow=0", "/v1/jobs/\(id)/events?follow=false", "/v1/jobs?all=1",
                     "/v1/jobs?all=true&state=PENDING,RUNNING&kind=generate", "/v1/jobs/\(id)/logs?after=9223372036854775807"] {
            #expect(try Self.request(harness, "GET", path).status == 200, "\(path)")
        }
        #expect(try harness.health().status == "ok")
    }
}
