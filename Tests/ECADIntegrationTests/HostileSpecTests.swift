import ECADAPI
import Foundation
import Testing

/// One small request must not exhaust the daemon: every hostile spec is refused at submit, naming its field,
/// by a daemon running under a 512 MiB memory cgroup, which stays up and healthy.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HostileSpecTests {
    /// Request bodies and the field each is refused for.
    static let hostile: [(body: String, field: String)] = {
        let generate = { (fields: String) in #"{"kind":"generate","spec":{"model":"fake","prompts":["a"],\#(fields)}}"# }
        let search = { (fields: String) in #"{"kind":"search","spec":{"model":"fake","prompts":["a"],\#(fields)}}"# }
        let evaluate = { (fields: String) in #"{"kind":"evaluate","spec":{"model":"fake","prompts":["a"],\#(fields)}}"# }
        let manyPrompts = "[" + Array(repeating: #""a""#, count: 200_000).joined(separator: ",") + "]"
        let twentyPrompts = "[" + Array(repeating: #""a""#, count: 20).joined(separator: ",") + "]"
        let sixtyFourSeeds = "[" + (0..<64).map(String.init).joined(separator: ",") + "]"
        let manySchedules = "[" + Array(repeating: #""x""#, count: 1_000).joined(separator: ",") + "]"
        return [
            (generate(#""images_per_prompt":1000000000"#), "spec.images_per_prompt"),
            (generate(#""images_per_prompt":1e9"#), "spec.images_per_prompt"),
            (generate(#""seeds":[\#(Array(repeating: "1", count: 1_000).joined(separator: ","))]"#), "spec.seeds"),
            (generate(#""sampler":{"steps":100000000}"#), "spec.sampler.steps"),
            (generate(#""output":{"columns":1000000000}"#), "spec.output.columns"),
            (generate(#""prompt_limit":1000000000"#), "spec.prompt_limit"),
            (#"{"kind":"generate","spec":{"model":"fake","prompts":\#(manyPrompts)}}"#, "spec.prompts"),
            (#"{"kind":"generate","spec":{"model":"fake","prompts":\#(twentyPrompts),"seeds":\#(sixtyFourSeeds)}}"#, "spec.prompts"),
            (search(#""population":10000000"#), "spec.population"),
            (search(#""images_per_prompt":100000"#), "spec.images_per_prompt"),
            (search(#""budgets":{"generations":1000000000}"#), "spec.budgets.generations"),
            (search(#""budgets":{"evaluations":1000000000}"#), "spec.budgets.evaluations"),
            (search(#""init":{"random":1000000000}"#), "spec.init.random"),
            (search(#""init":{"heuristics":\#(manySchedules)}"#), "spec.init.heuristics"),
            (search(#""operators":{"points":1000000000}"#), "spec.operators.points"),
            (search(#""population":1000,"budgets":{"generations":10000},"sampler":{"steps":1000}"#), "spec"),
            (evaluate(#""front":1,"latency_repeats":1000000000"#), "spec.latency_repeats"),
            (evaluate(#""schedules":\#(manySchedules)"#), "spec.schedules"),
            (generate(#""schedule":{"file":"/etc/shadow"}"#), "spec.schedule.file"),
        ]
    }()

    @Test("every hostile spec is refused naming its field, and the daemon under a 512 MiB cgroup stays healthy",
          .enabled(if: MemoryCgroup.isAvailable, "needs root and a cgroup memory controller (v2, or the v1 memory hierarchy)"))
    func hostileSpecsUnderAMemoryLimit() throws {
        let harness = try DaemonHarness()
        try harness.useFakeModels()
        try harness.start()
        let cgroup = try MemoryCgroup(limit: 512 << 20)
        defer {
            _ = harness.stopDaemon()
            cgroup.remove()
        }
        let pid = try #require(harness.daemonPID)
        try cgroup.add(pid)
        #expect(cgroup.processes.contains(pid))
        for (body, field) in Self.hostile {
            let (status, answer) = try harness.curl("POST", "/v1/jobs", body: body)
            let error = try? APIJSON.makeDecoder().decode(ErrorBody.self, from: answer)
            #expect(status == 400, "\(body.prefix(120)): \(status) \(String(decoding: answer.prefix(300), as: UTF8.self))")
            #expect(error?.error.field == field, "\(body.prefix(120)): \(String(describing: error))")
        }
        #expect(kill(pid, 0) == 0, "the daemon was killed")
        #expect(try harness.health().status == "ok")
        #expect(try harness.get("/v1/jobs?all=1", as: JobListResponse.self).jobs.isEmpty)
        #expect(cgroup.limitEvents == 0)
    }
}
