import ECADAPI
import ECADCore
import Foundation
import Testing

/// Issue 13, items 1 and 7, reproduced as a real second uid (nobody, 65534, via setpriv): root's search publishes
/// `fake/quick`; nobody may not move its aliases or import into it, an import into nobody's own name is recorded as
/// theirs and never picked for root's name, and exports are written by the CLI as the user who runs it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RegistrySecondUserTests {
    static let nobody = SecondUserTests.nobody

    /// A daemon where root's search job published a front into `fake/quick`; returns it and the job id.
    private func publishedByRoot() throws -> (DaemonHarness, Int64) {
        let harness = try DaemonHarness()
        try harness.useFakeModels()
        try harness.start()
        let id = try harness.submitSearch(Self.search(publishingTo: "fake/quick"))
        try harness.waitForJob(id, "completes", seconds: 90) { $0.state == .completed || $0.state == .failed }
        #expect(try harness.job(id).state == .completed)
        return (harness, id)
    }

    /// The spec of a short search of the fake model publishing into `name`.
    private static func search(
        publishingTo name: String, prompts: [String] = ["a red circle", "a blue square"]
    ) -> JSONValue {
        .object([
            ("kind", .string("search")), ("model", .string("fake")),
            ("prompts", .array(prompts.map { .string($0) })),
            ("population", .int(8)), ("seed", .int(3)),
            ("budgets", .object([("generations", .int(2))])),
            ("publish", .object([("name", .string(name))])),
        ])
    }

    /// A folder owned by nobody, for nobody's bundles.
    private func nobodysFolder(_ harness: DaemonHarness, _ name: String) throws -> String {
        let path = harness.path(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(chown(path, Self.nobody, Self.nobody) == 0)
        return path
    }

    private func resolve(_ harness: DaemonHarness, _ query: String) throws -> String {
        try harness.get("/v1/registry/resolve?\(query)", as: Version.self).digest
    }

    /// A bundle (files by path) with one new version claiming reward 0.99 at 20x, found by job `claimedJob`,
    /// under `name` and as `name@fastest`.
    private func forgedBundle(name: String, claimedJob: Int64) throws -> (files: [String: Data], digest: String) {
        let layout = try BlockLayout.pixart(blocks: 4)
        let bits = (0..<(2 * 4 * layout.componentKinds.count)).map { $0 % 3 == 0 }
        let document = try ScheduleDocument(
            model: "fake", schedule: Schedule(steps: 2, layout: layout, bits: bits), name: "forged")
        let digest = document.digest.hex
        let record: [String: Any] = [
            "digest": digest, "modelID": "fake", "weightsDigest": "w", "sampler": "s", "steps": 2, "resolution": 32,
            "calibrationPromptSetDigest": "p", "metrics": #"{"macsRatio":0.05,"reward":0.99}"#,
            "provenance": #"{"generation":1,"jobID":\#(claimedJob),"seed":3,"softwareVersion":"0.1.0"}"#,
        ]
        let aliases: [String: Any] = ["names": [name: [digest]], "aliases": ["\(name)@fastest": digest]]
        var files: [String: Data] = [
            "schedules/\(digest).json": Data(document.fileBytes),
            "versions/\(digest).json": try JSONSerialization.data(withJSONObject: record),
            "aliases.json": try JSONSerialization.data(withJSONObject: aliases),
        ]
        files[BundleManifest.fileName] = try JSONEncoder().encode(BundleManifest(listing: files))
        return (files, digest)
    }

    /// Writes `files` into a new folder owned by nobody.
    private func write(_ files: [String: Data], _ harness: DaemonHarness, _ name: String) throws -> String {
        let path = try nobodysFolder(harness, name)
        for folder in ["schedules", "versions"] { _ = try nobodysFolder(harness, "\(name)/\(folder)") }
        for (relative, data) in files {
            try data.write(to: URL(fileURLWithPath: path + "/" + relative))
            _ = chown(path + "/" + relative, Self.nobody, Self.nobody)
        }
        return path
    }

    @Test("nobody cannot move root's alias, nor import into root's name", .enabled(if: getuid() == 0, "needs root"))
    func nobodyCannotRewriteRootsName() throws {
        let (harness, job) = try publishedByRoot()
        let fastest = try resolve(harness, "ref=fake/quick@fastest")
        let versions = try harness.get("/v1/registry", as: RegistryList<Version>.self).versions.map(\.digest)
        let other = try #require(versions.first { $0 != fastest })
        let moves = try harness.get("/v1/registry/history?alias=fake/quick@fastest", as: [HistoryEntry].self).count

        let body = #"{"name":"fake/quick","alias":"fastest","digest":"\#(other)"}"#
        let (status, answer) = try harness.curl("POST", "/v1/registry/alias", body: body, asUID: Self.nobody)
        #expect(status == 403, "\(String(decoding: answer, as: UTF8.self))")
        let error = try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error
        #expect(error.code == ErrorBody.forbidden)
        #expect(error.message.contains("belongs to root (uid 0)"))
        #expect(try resolve(harness, "ref=fake/quick@fastest") == fastest)
        #expect(try harness.get("/v1/registry/history?alias=fake/quick@fastest", as: [HistoryEntry].self).count == moves)

        let forged = try forgedBundle(name: "fake/quick", claimedJob: job)
        let refused = try harness.ecad(["registry", "import", try write(forged.files, harness, "forged")], asUID: Self.nobody)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("403") && refused.stderr.contains("belongs to root"), "\(refused.stderr)")
        let (missing, _) = try harness.curl("GET", "/v1/registry/show?ref=\(forged.digest)")
        #expect(missing == 404)
        #expect(try resolve(harness, "ref=fake/quick@fastest") == fastest)
    }

    @Test("nobody's search naming root's registry name is refused at submit; one whose name root takes while it runs ends FAILED (RegistryForbidden)",
          .enabled(if: getuid() == 0, "needs root"))
    func nobodysSearchCannotPublishIntoRootsName() throws {
        let (harness, _) = try publishedByRoot()
        let before = try harness.get("/v1/registry", as: RegistryList<Version>.self).versions.count
        let fastest = try resolve(harness, "ref=fake/quick@fastest")
        let (refused, refusal) = try submitAsNobody(harness, Self.search(publishingTo: "fake/quick"))
        #expect(refused == 403, "\(String(decoding: refusal, as: UTF8.self))")
        let error = try APIJSON.makeDecoder().decode(ErrorBody.self, from: refusal).error
        #expect(error.field == "spec.publish.name" && error.message.contains("belongs to root (uid 0)"), "\(error)")

        // The publisher checks again: root takes the name while nobody's search waits at the gate.
        let gate = harness.path("gate")
        let contested = Self.search(publishingTo: "fake/contested", prompts: ["wait-for:\(gate)", "a blue square"])
        let (status, answer) = try submitAsNobody(harness, contested)
        #expect(status == 201, "\(String(decoding: answer, as: UTF8.self))")
        let id = try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
        try harness.waitForJob(id, "runs") { $0.state == .running }
        let take = #"{"name":"fake/contested","alias":"mine","digest":"\#(fastest)"}"#
        #expect(try harness.curl("POST", "/v1/registry/alias", body: take).0 == 200)
        #expect(FileManager.default.createFile(atPath: gate, contents: Data()))
        let job = try harness.waitForJob(id, "ends", seconds: 90) { [.completed, .failed, .held].contains($0.state) }
        #expect(job.state == .failed)
        #expect(job.reason == "RegistryForbidden", "\(job.reason ?? "-")")
        #expect(try harness.get("/v1/registry", as: RegistryList<Version>.self).versions.count == before)
        #expect(try resolve(harness, "ref=fake/quick@fastest") == fastest)
        #expect(try resolve(harness, "ref=fake/contested@mine") == fastest)
    }

    private func submitAsNobody(_ harness: DaemonHarness, _ spec: JSONValue) throws -> (Int, Data) {
        let body = String(decoding: try APIJSON.makeEncoder().encode(SubmitJobRequest(kind: .search, spec: spec)), as: UTF8.self)
        return try harness.curl("POST", "/v1/jobs", body: body, asUID: Self.nobody)
    }

    @Test("nobody's import into their own name is recorded as theirs and never picked for root's name",
          .enabled(if: getuid() == 0, "needs root"))
    func nobodysImportIsRecordedAndIsolated() throws {
        let (harness, job) = try publishedByRoot()
        let balanced = try resolve(harness, "ref=fake/quick")
        let forged = try forgedBundle(name: "nobody/fast", claimedJob: job)
        let imported = try harness.ecad(["registry", "import", try write(forged.files, harness, "mine")], asUID: Self.nobody)
        #expect(imported.status == 0, "\(imported.stderr)")

        let view = try harness.get("/v1/registry/show?ref=\(forged.digest)", as: RegistryEntryView.self)
        #expect(view.origin == .import)
        #expect(view.imported?.uid == Self.nobody)
        #expect(view.imported?.user == "nobody")
        #expect(view.imported?.bundleSha256 == SHA256.hexDigest(try #require(forged.files[BundleManifest.fileName])))
        guard case .object(let provenance) = view.provenance else {
            Issue.record("provenance is not an object: \(view.provenance)")
            return
        }
        #expect(provenance.map(\.key) == ["claimed"])
        let shown = try harness.ecad(["registry", "show", forged.digest]).text
        #expect(shown.contains("Origin=import") && shown.contains("ImportedBy=nobody (uid 65534)"))
        #expect(shown.contains("Claimed.reward=0.99") && !shown.contains("Metric."))

        #expect(try resolve(harness, "ref=fake/quick") == balanced)
        #expect(try resolve(harness, "ref=fake/quick&min_reward=0") != forged.digest)
        #expect(try resolve(harness, "ref=fake&min_reward=0") != forged.digest)
        #expect(try resolve(harness, "ref=nobody/fast@fastest") == forged.digest)
    }

    @Test("export is written by the CLI as the user: files are theirs, and a symlink DIR is refused",
          .enabled(if: getuid() == 0, "needs root"))
    func exportIsWrittenByTheCLIAsTheUser() throws {
        let (harness, _) = try publishedByRoot()
        let home = try nobodysFolder(harness, "home")
        let exported = try harness.ecad(["registry", "export", home + "/bundle"], asUID: Self.nobody)
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = try #require(FileManager.default.subpaths(atPath: home + "/bundle"))
        #expect(files.contains("manifest.json") && files.contains("aliases.json"))
        for file in files {
            var info = stat()
            #expect(lstat(home + "/bundle/" + file, &info) == 0 && info.st_uid == Self.nobody, "\(file)")
        }

        let target = try nobodysFolder(harness, "elsewhere")
        try FileManager.default.createSymbolicLink(atPath: home + "/link", withDestinationPath: target)
        let linked = try harness.ecad(["registry", "export", home + "/link"], asUID: Self.nobody)
        #expect(linked.status != 0)
        #expect(linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)

        let (old, answer) = try harness.curl("POST", "/v1/registry/export", body: #"{"directory":"\#(target)"}"#)
        #expect(old == 400)
        #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error.field == "directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    @Test("the daemon refuses bundle paths from older clients and imports over 32 MiB, and takes one over 1 MiB")
    func bundlePathsAndHugeImportsAreRefused() throws {
        let harness = try DaemonHarness()
        try harness.start()
        let (status, answer) = try harness.curl("POST", "/v1/registry/import", body: #"{"directory":"/etc"}"#)
        #expect(status == 400)
        #expect(try APIJSON.makeDecoder().decode(ErrorBody.self, from: answer).error.field == "directory")
        // A null directory is a directory field too (schemathesis found it accepted).
        let (nullStatus, _) = try harness.curl("POST", "/v1/registry/export", body: #"{"model":"","directory":null}"#)
        #expect(nullStatus == 400)
        let huge = #"{"files":[{"path":"aliases.json","content":""# + String(repeating: "A", count: 33 << 20) + #""}]}"#
        let (tooLarge, _) = try harness.curl("POST", "/v1/registry/import", body: huge)
        #expect(tooLarge == 413)
        #expect(try harness.health().status == "ok")

        let padded = Data(#"{"aliases":{},"names":{},"pad":""#.utf8) + Data(repeating: 0x78, count: 3 << 20) + Data("\"}".utf8)
        var files = ["aliases.json": padded]
        files[BundleManifest.fileName] = try JSONEncoder().encode(BundleManifest(listing: files))
        let bundle = String(decoding: try APIJSON.makeEncoder().encode(RegistryBundleBody(files: files)), as: UTF8.self)
        let (accepted, reply) = try harness.curl("POST", "/v1/registry/import", body: bundle)
        #expect(accepted == 200, "\(String(decoding: reply.prefix(300), as: UTF8.self))")
    }

    @Test("ecad registry export and import round-trip a bundle between daemons")
    func exportImportRoundTrip() throws {
        let (source, _) = try publishedByRoot()
        let directory = source.path("roundtrip")
        let exported = try source.ecad(["registry", "export", directory])
        #expect(exported.status == 0, "\(exported.stderr)")
        let digests = try source.get("/v1/registry", as: RegistryList<Version>.self).versions.map(\.digest)

        let target = try DaemonHarness()
        try target.start()
        let imported = try target.ecad(["registry", "import", directory])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.text.contains("(\(digests.count) new)"))
        let copies = try target.get("/v1/registry", as: RegistryList<RegistryEntryView>.self).versions
        #expect(Set(copies.map(\.digest)) == Set(digests))
        #expect(copies.allSatisfy { $0.origin == .import && $0.imported?.uid == getuid() })
        #expect(try resolve(target, "ref=fake/quick@fastest") == (try resolve(source, "ref=fake/quick@fastest")))
        let again = try target.ecad(["registry", "import", directory])
        #expect(again.text.contains("(0 new)"))
    }

    /// `GET /v1/registry`.
    struct RegistryList<Entry: Decodable>: Decodable { var versions: [Entry] }
    /// A version's digest (read without the newer fields, so the attack's checks also run on older daemons).
    struct Version: Decodable { var digest: String }
    /// One entry of `GET /v1/registry/history`.
    struct HistoryEntry: Decodable { var to: String }
}
