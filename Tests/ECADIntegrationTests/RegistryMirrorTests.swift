import ECADAPI
import ECADCore
import Foundation
import Testing

/// Issue 17's registry mirror: `ecad registry export --mirror` writes it, a real `python3 -m http.server` on
/// loopback serves it, `ecad registry get --remote` and `ecad registry import URL` read it and refuse a tampered,
/// truncated or misnamed file, writing and importing nothing from it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RegistryMirrorTests {
    /// A daemon holding two versions of `fake` under `fake/mirror` (`@balanced` the first, `@fast` the second),
    /// exported with `--mirror` into a folder; returns the daemon, the folder and the two digests.
    private func exportedMirror() throws -> (DaemonHarness, String, [String]) {
        let harness = try DaemonHarness()
        try harness.start()
        let layout = try BlockLayout.pixart(blocks: 2)
        let documents = try (1...2).map { seed in
            let bits = (0..<(2 * 2 * layout.componentKinds.count)).map { $0 % (seed + 1) == 0 }
            return try ScheduleDocument(model: "fake", schedule: Schedule(steps: 2, layout: layout, bits: bits))
        }
        let digests = documents.map(\.digest.hex)
        var files: [String: Data] = [:]
        for (document, digest) in zip(documents, digests) {
            let record: [String: Any] = [
                "digest": digest, "modelID": "fake", "weightsDigest": "w", "sampler": "s", "steps": 2,
                "resolution": 32, "calibrationPromptSetDigest": "p", "metrics": #"{"macsRatio":0.5}"#,
                "provenance": #"{"generation":1,"seed":3,"softwareVersion":"0.1.0"}"#,
            ]
            files["schedules/\(digest).json"] = Data(document.fileBytes)
            files["versions/\(digest).json"] = try JSONSerialization.data(withJSONObject: record)
        }
        files["aliases.json"] = try JSONSerialization.data(withJSONObject: [
            "names": ["fake/mirror": digests],
            "aliases": ["fake/mirror@balanced": digests[0], "fake/mirror@fast": digests[1]],
        ])
        files[BundleManifest.fileName] = try JSONEncoder().encode(BundleManifest(listing: files))
        let seed = harness.path("seed")
        for folder in ["", "/schedules", "/versions"] {
            try FileManager.default.createDirectory(atPath: seed + folder, withIntermediateDirectories: true)
        }
        for (path, data) in files { try data.write(to: URL(fileURLWithPath: seed + "/" + path)) }
        let imported = try harness.ecad(["registry", "import", seed])
        #expect(imported.status == 0, "\(imported.stderr)")
        let mirror = harness.path("mirror")
        let exported = try harness.ecad(["registry", "export", "--mirror", mirror])
        #expect(exported.status == 0, "\(exported.stderr)")
        return (harness, mirror, digests)
    }

    /// `python3 -m http.server` serving `folder` on a free loopback port, answering; and its URL.
    private func serve(_ folder: String) throws -> (SpawnedProcess, String) {
        let port = try Self.freePort()
        let server = try SpawnedProcess(
            ["/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", folder, String(port)],
            environment: ProcessInfo.processInfo.environment)
        let url = "http://127.0.0.1:\(port)"
        try Poll.until("http.server on port \(port)", seconds: 20) { () -> Bool? in
            let probe = try CommandResult.run(
                "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", url + "/manifest.json"])
            return probe.text == "200" ? true : nil
        }
        return (server, url)
    }

    private func stop(_ server: SpawnedProcess) {
        kill(server.pid, SIGTERM)
        server.wait()
    }

    /// A TCP port nothing listens on now (the kernel's pick for port 0).
    private static func freePort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return UInt16(bigEndian: address.sin_port)
    }

    @Test func getRemoteReadsANameAnAliasAndADigestPrefixAndPrintsTheSnippet() throws {
        let (harness, mirror, digests) = try exportedMirror()
        let index = try String(contentsOfFile: mirror + "/index.json", encoding: .utf8)
        #expect(index.contains("fake/mirror@fast") && index.contains(digests[1]))
        let (server, url) = try serve(mirror)
        defer { stop(server) }
        for (ref, digest) in [
            ("fake/mirror", digests[0]), ("fake/mirror@fast", digests[1]),
            (String(digests[1].prefix(10)), digests[1]),
        ] {
            let out = harness.path("get-\(digest.prefix(8))-\(ref.count).json")
            let got = try harness.ecad(["registry", "get", "--remote", url + "/", ref, "-o", out])
            #expect(got.status == 0, "\(got.stderr)")
            let expected = try Data(contentsOf: URL(fileURLWithPath: "\(mirror)/schedules/\(digest).json"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == expected, "\(ref)")
        }
        let snippet = try harness.ecad(["registry", "get", "--remote", url, "fake/mirror@fast", "--snippet"])
        #expect(snippet.status == 0, "\(snippet.stderr)")
        #expect(snippet.text.contains(#"ecad_diffusers.enable(pipe, "\#(url)#\#(digests[1])")"#), "\(snippet.text)")
        #expect(snippet.text.contains("num_inference_steps=2"))
        let local = try harness.ecad(["registry", "get", "fake/mirror", "--snippet"])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.text.contains(#"ecad_diffusers.enable(pipe, "\#(digests[0])")"#), "\(local.text)")
    }

    @Test func aTamperedTruncatedOrMisnamedFileIsRefusedAndNothingIsWritten() throws {
        let (harness, mirror, digests) = try exportedMirror()
        let (server, url) = try serve(mirror)
        defer { stop(server) }
        let first = URL(fileURLWithPath: "\(mirror)/schedules/\(digests[0]).json")
        let original = try Data(contentsOf: first)
        try (Data(" ".utf8) + original.dropFirst()).write(to: first)
        let out = harness.path("refused.json")
        let tampered = try harness.ecad(["registry", "get", "--remote", url, "fake/mirror", "-o", out])
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains("(tampered)") && tampered.stderr.contains(first.lastPathComponent))
        #expect(!FileManager.default.fileExists(atPath: out))

        let record = URL(fileURLWithPath: "\(mirror)/versions/\(digests[1]).json")
        let recordBytes = try Data(contentsOf: record)
        try Data(recordBytes.dropLast(5)).write(to: record)
        let truncated = try harness.ecad(["registry", "get", "--remote", url, "fake/mirror@fast", "-o", out])
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("(truncated)"), "\(truncated.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        try (recordBytes + Data("    ".utf8)).write(to: record)
        let extended = try harness.ecad(["registry", "get", "--remote", url, "fake/mirror@fast", "-o", out])
        #expect(extended.status == 1)
        #expect(extended.stderr.contains("longer than \(recordBytes.count) bytes"), "\(extended.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let second = try Data(contentsOf: URL(fileURLWithPath: "\(mirror)/schedules/\(digests[1]).json"))
        try second.write(to: first)
        var manifest = try JSONDecoder().decode(
            BundleManifest.self, from: Data(contentsOf: URL(fileURLWithPath: mirror + "/manifest.json")))
        manifest.files = manifest.files.map { entry in
            entry.path == "schedules/\(digests[0]).json"
                ? BundleManifest.Entry(path: entry.path, sha256: SHA256.hexDigest(second), bytes: second.count) : entry
        }
        try JSONEncoder().encode(manifest).write(to: URL(fileURLWithPath: mirror + "/manifest.json"))
        let misnamed = try harness.ecad(["registry", "get", "--remote", url, digests[0], "-o", out])
        #expect(misnamed.status == 1)
        #expect(misnamed.stderr.contains("(misnamed)"), "\(misnamed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func importURLBringsEveryVersionAndATamperedMirrorImportsNothing() throws {
        let (source, mirror, digests) = try exportedMirror()
        let (server, url) = try serve(mirror)
        defer {
            stop(server)
            withExtendedLifetime(source) {}  // its folder holds the mirror
        }
        let target = try DaemonHarness()
        try target.start()
        let imported = try target.ecad(["registry", "import", url])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.text.contains("imported 2 versions (2 new)"), "\(imported.text)")
        let manifest = try Data(contentsOf: URL(fileURLWithPath: mirror + "/manifest.json"))
        for digest in digests {
            let view = try target.get("/v1/registry/show?ref=\(digest)", as: RegistryEntryView.self)
            #expect(view.origin == .import)
            #expect(view.imported?.bundleSha256 == SHA256.hexDigest(manifest))
        }
        #expect(
            try target.get("/v1/registry/resolve?ref=fake/mirror@fast", as: RegistryEntryView.self).digest
                == digests[1])

        let empty = try DaemonHarness()
        try empty.start()
        let record = URL(fileURLWithPath: "\(mirror)/versions/\(digests[1]).json")
        try (Data(" ".utf8) + Data(contentsOf: record).dropFirst()).write(to: record)
        let refused = try empty.ecad(["registry", "import", url])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("(tampered)"), "\(refused.stderr)")
        let (status, _) = try empty.curl("GET", "/v1/registry/show?ref=\(digests[0])")
        #expect(status == 404)
    }
}
