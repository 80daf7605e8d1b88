import ECADAPI
import Foundation
import Testing

/// Paths in specs, priorities and spec names over the API: the daemon opens no path from a spec outside its
/// shared roots (so it never reads a file with its own rights for a user), only admins raise priority, and a
/// spec's own `name` names the job.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SpecSafetyTests {
    /// A started harness on the fake models, with a `jobs/` shared root beside them.
    private func harness() throws -> DaemonHarness {
        let harness = try DaemonHarness()
        try harness.useFakeModels()
        try FileManager.default.createDirectory(atPath: harness.path("jobs"), withIntermediateDirectories: true)
        try harness.start()
        return harness
    }

    private func submitPrompts(file: String, _ harness: DaemonHarness) throws -> (Int, ErrorBody?) {
        let body = #"{"kind":"generate","spec":{"model":"fake","seeds":[1],"prompts":{"file":"\#(file)"}}}"#
        let (status, answer) = try harness.curl("POST", "/v1/jobs", body: body)
        return (status, try? APIJSON.makeDecoder().decode(ErrorBody.self, from: answer))
    }

    @Test("a spec path outside the shared roots is refused at submit, naming the field and revealing nothing",
          .enabled(if: FileManager.default.fileExists(atPath: "/etc/shadow")))
    func outsidePathsAreRefused() throws {
        let harness = try harness()
        let (status, error) = try submitPrompts(file: "/etc/shadow", harness)
        #expect(status == 400)
        #expect(error?.error.field == "spec.prompts.file")
        let shadow = (try? String(contentsOfFile: "/etc/shadow", encoding: .utf8)) ?? "root:"
        let firstLine = String(shadow.prefix { $0 != "\n" })
        #expect(error?.error.message.contains(firstLine) == false)
        // The same answer for a file that does not exist: nothing tells whether a root-only file is there.
        let (_, missing) = try submitPrompts(file: "/root/no-such-file-\(UUID().uuidString)", harness)
        #expect(missing?.error.message == error?.error.message)
        #expect(try harness.get("/v1/jobs?all=1", as: JobListResponse.self).jobs.isEmpty)
        for (key, value) in [("schedule", #"{"file":"/etc/shadow"}"#), ("schedules", #"[{"file":"/etc/shadow"}]"#)] {
            let kind = key == "schedule" ? "generate" : "evaluate"
            let body = #"{"kind":"\#(kind)","spec":{"model":"fake","prompts":["a"],"\#(key)":\#(value)}}"#
            let (code, answer) = try harness.curl("POST", "/v1/jobs", body: body)
            #expect(code == 400)
            let field = try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error.field
            #expect(field == (key == "schedule" ? "spec.schedule.file" : "spec.schedules[0].file"))
        }
        let search = #"{"kind":"search","spec":{"model":"fake","prompts":["a"],"init":{"files":["/etc/shadow"]}}}"#
        let (code, answer) = try harness.curl("POST", "/v1/jobs", body: search)
        #expect(code == 400)
        #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error.field == "spec.init.files[0]")
        #expect(try harness.health().status == "ok")
    }

    @Test("a path under a shared root is read, but not through a symlink or .. that leaves it")
    func symlinksOutOfASharedRootAreRefused() throws {
        let harness = try harness()
        let secret = harness.path("secret.txt")
        try "secret prompt\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: harness.path("jobs/link.txt"), withDestinationPath: secret)
        for path in [harness.path("jobs/link.txt"), harness.path("jobs/../secret.txt")] {
            let (status, error) = try submitPrompts(file: path, harness)
            #expect(status == 400, "\(path)")
            #expect(error?.error.field == "spec.prompts.file")
        }
        try "a shared prompt\n".write(toFile: harness.path("jobs/shared.txt"), atomically: true, encoding: .utf8)
        let (status, _) = try submitPrompts(file: harness.path("jobs/shared.txt"), harness)
        #expect(status == 201)
    }

    @Test("only administrators raise priority above the default", .enabled(if: getuid() == 0, "needs root to act as a second uid"))
    func priorityAboveDefaultIsForAdmins() throws {
        let harness = try harness()
        let body = { (priority: Int) in #"{"kind":"generate","spec":{"model":"fake","prompts":["a"],"seeds":[1]},"priority":\#(priority)}"# }
        let (raised, answer) = try harness.curl("POST", "/v1/jobs", body: body(1000), asUID: SecondUserTests.nobody)
        #expect(raised == 403)
        #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error.field == "priority")
        let (lowered, _) = try harness.curl("POST", "/v1/jobs", body: body(-5), asUID: SecondUserTests.nobody)
        #expect(lowered == 201)
        let (plain, _) = try harness.curl("POST", "/v1/jobs", body: body(0), asUID: SecondUserTests.nobody)
        #expect(plain == 201)
        let (admin, _) = try harness.curl("POST", "/v1/jobs", body: body(1000))
        #expect(admin == 201)
    }

    @Test("ecad submit reads the spec's files as the user, applies TOML --set values, and the spec's name names the job")
    func submitInlinesFilesAndKeepsTheName() throws {
        let harness = try harness()
        let prompts = harness.path("my-prompts.txt")
        try "# mine\nfirst prompt\n\nsecond prompt\n".write(toFile: prompts, atomically: true, encoding: .utf8)
        let spec = harness.path("medium.toml")
        try """
            kind = "generate"
            name = "shapes32-medium"
            model = "fake"
            prompts = { file = "\(prompts)" }
            seeds = [1]
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try harness.ecad(["submit", spec, "--set", "seeds=[1, 2]", "--set", "output.grid=false"])
        #expect(result.status == 0, "\(result.stderr)")
        let id = try #require(Int64(result.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let job = try harness.job(id)
        #expect(job.name == "shapes32-medium")
        #expect(job.spec?["prompts"] == .array([.string("first prompt"), .string("second prompt")]))
        #expect(job.spec?["seeds"] == .array([.int(1), .int(2)]))
        #expect(job.spec?["output"]?["grid"] == .bool(false))
        let queue = try harness.ecad(["queue", "--all"])
        #expect(queue.text.contains("shapes32-medium"), "\(queue.text)")
    }
}
