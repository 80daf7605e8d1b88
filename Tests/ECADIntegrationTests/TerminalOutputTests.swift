import ECADAPI
import Foundation
import Testing

/// Text that users put in jobs reaches other users' terminals only escaped, and a NUL does not cut a log line.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct TerminalOutputTests {
    @Test("ecad logs and ecad queue escape ESC sequences and bidi overrides; a NUL in a prompt keeps its log line whole")
    func controlCharactersAreEscaped() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let name = "report\u{202E}fdp.exe"
        let prompt = "echo:\u{1B}]0;owned\u{07}\u{1B}[31mred\u{0}after-nul"
        let request = SubmitJobRequest(
            kind: .generate,
            spec: .object([("model", .string("fake")), ("prompts", .array([.string(prompt)]))]), name: name)
        let (status, answer) = try harness.curl(
            "POST", "/v1/jobs", body: String(decoding: try APIJSON.makeEncoder().encode(request), as: UTF8.self))
        #expect(status == 201, "\(String(decoding: answer, as: UTF8.self))")
        let id = try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
        try harness.waitForJob(id, "to complete") { $0.state == .completed }

        let logs = try harness.ecad(["logs", "\(id)"])
        #expect(logs.status == 0, "\(logs.stderr)")
        #expect(!logs.text.contains("\u{1B}") && !logs.text.contains("\u{07}"))
        #expect(logs.text.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[31mred\u{2400}after-nul"), "\(logs.text)")

        for arguments in [["queue", "--all"], ["show", "\(id)"]] {
            let output = try harness.ecad(arguments)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!output.text.unicodeScalars.contains("\u{202E}"), "\(arguments)")
            #expect(output.text.contains("report\\u{202E}fdp.exe"), "\(arguments): \(output.text)")
        }
        let json = try harness.ecad(["queue", "--all", "--json"])
        #expect(!json.text.unicodeScalars.contains("\u{202E}"))
        let decoded = try APIJSON.makeDecoder().decode(JobListResponse.self, from: json.stdout)
        #expect(decoded.jobs.first?.name == name)
    }
}
