import ECADAPI
import ECADCore
import Foundation
import Testing

/// `generate` jobs' outputs (images, `images.json`, `grid.png`), the artifact download route, and the CLI's
/// `generate`, `artifacts` and `fetch`, against the real `ecadd` and the fake worker.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct GenerateArtifactsTests {
    @Test("ecad generate submits, waits and copies every file out, sha256-checked")
    func generateCopiesTheResultsOut() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let target = harness.path("out")
        let run = try harness.ecad([
            "generate", "--model", "fake", "--prompt", "a red circle", "--prompt", "a blue square", "--seed", "1",
            "--seed", "2", "-o", target,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(files == ["grid.png", "images.json", "p000-s1.png", "p000-s2.png", "p001-s1.png", "p001-s2.png"])
        let grid = try Data(contentsOf: URL(fileURLWithPath: target + "/grid.png"))
        #expect(grid.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target + "/images.json"))) as? [[String: Any]])
        #expect(entries.count == 4)
        #expect(entries.first?["prompt"] as? String == "a red circle")
        #expect(entries.allSatisfy { ($0["macs"] as? Double ?? 0) > 0 })
    }

    @Test("the artifact route serves indexed files only, to their owner, and names what is wrong")
    func artifactRouteRefusesWhatItShould() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let id = try harness.submit(prompts: ["a red circle"], seeds: [3])
        try harness.waitForJob(id, "completed") { $0.state == .completed }

        let listing = try harness.ecad(["artifacts", String(id)])
        #expect(listing.status == 0)
        #expect(listing.text.contains("p000-s3.png") && listing.text.contains("grid.png"))
        let (ok, png) = try harness.curl("GET", "/v1/jobs/\(id)/artifacts/file?path=p000-s3.png")
        #expect(ok == 200)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))

        for (path, status) in [("..%2F..%2Fecadd.db", 400), ("%2Fetc%2Fpasswd", 400), ("nope.png", 404), ("", 400)] {
            let (answer, body) = try harness.curl("GET", "/v1/jobs/\(id)/artifacts/file?path=\(path)")
            #expect(answer == status, "path \(path): \(String(decoding: body, as: UTF8.self))")
        }
        let fetched = try harness.ecad(["fetch", String(id), "images.json", "-o", harness.path("one")])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(FileManager.default.fileExists(atPath: harness.path("one/images.json")))
        let missing = try harness.ecad(["fetch", String(id), "nope.png", "-o", harness.path("two")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no artifact \"nope.png\""))
        if getuid() == 0 {
            let (forbidden, _) = try harness.curl("GET", "/v1/jobs/\(id)/artifacts/file?path=p000-s3.png", asUID: 65534)
            #expect(forbidden == 403)
        }
    }

    @Test("a generate spec's schedule is resolved and checked before the worker sees it")
    func scheduleSourcesAreChecked() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let heuristic = try harness.ecad(["generate", "--model", "no-such-model", "--heuristic", "fora:n=2", "--prompt", "a", "-o", harness.path("h")])
        #expect(heuristic.status == 1)
        #expect(heuristic.stderr.contains("spec.schedule") && heuristic.stderr.contains("layout"))
        let unknown = try harness.ecad(["generate", "--model", "fake", "--schedule", "no-such-name@balanced", "--prompt", "a"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no-such-name"), "\(unknown.stderr)")
        let garbage = harness.path("garbage.json")
        try #"{"format":"ecad.schedule/v1"}"#.write(toFile: garbage, atomically: true, encoding: .utf8)
        let bad = try harness.ecad(["generate", "--model", "fake", "--schedule", garbage, "--prompt", "a"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("spec.schedule"), "\(bad.stderr)")
    }
}
