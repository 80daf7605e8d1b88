import ECADAPI
import ECADCore
import Foundation
import Testing

/// Starts the built `ecadd` binary on a temp socket and state dir with the fake worker, and drives it with
/// the built `ecad` binary and `curl --unix-socket`.
final class DaemonHarness {
    /// The package root (found from this file's path).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// Where the built executables are (`ECAD_BIN_DIR` or `.build/debug`).
    static let binDirectory = ProcessInfo.processInfo.environment["ECAD_BIN_DIR"]
        ?? packageRoot.appendingPathComponent(".build/debug").path
    /// The fake worker test double.
    static let fakeWorker = packageRoot.appendingPathComponent("Tests/ECADIntegrationTests/Fixtures/fake_worker.py").path

    let root: URL
    let socket: String
    let stateDirectory: String
    let heartbeatTimeout: Double
    let slots: Int
    private(set) var daemon: Process?

    init(heartbeatTimeout: Double = 30, slots: Int = 1) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecad-it-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        socket = root.appendingPathComponent("ecadd.sock").path
        stateDirectory = root.appendingPathComponent("state").path
        self.heartbeatTimeout = heartbeatTimeout
        self.slots = slots
    }

    deinit {
        if let daemon { kill(daemon.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
    }

    /// A path inside the temp root.
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Starts `ecadd` and waits until /v1/health answers.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binDirectory + "/ecadd")
        process.arguments = [
            "--socket", socket, "--state-dir", stateDirectory, "--worker", Self.fakeWorker,
            "--slots", String(slots), "--heartbeat-timeout", String(heartbeatTimeout),
        ]
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        daemon = process
        _ = try Poll.until("ecadd to answer") { try? curl("GET", "/v1/health").0 == 200 ? true : nil }
    }

    /// SIGKILLs the daemon (no cleanup at all).
    func killDaemon() {
        guard let daemon else { return }
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
        self.daemon = nil
    }

    /// SIGTERMs the daemon and returns its exit status.
    func stopDaemon() -> Int32 {
        guard let daemon else { return -1 }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        self.daemon = nil
        return daemon.terminationStatus
    }

    /// `curl --unix-socket` a request; returns the status code and body.
    func curl(_ method: String, _ path: String, body: String? = nil, asUID uid: UInt32? = nil) throws -> (Int, Data) {
        var arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", "--unix-socket", socket, "-X", method]
        if let body {
            let file = self.path("body-\(UUID().uuidString.prefix(8)).json")
            try body.write(toFile: file, atomically: true, encoding: .utf8)
            chmod(file, 0o644)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@" + file]
        }
        arguments.append("http://localhost" + path)
        let result: CommandResult
        if let uid {
            result = try CommandResult.run("/usr/bin/setpriv", ["--reuid", String(uid), "--regid", String(uid), "--clear-groups", "/usr/bin/curl"] + arguments)
        } else {
            result = try CommandResult.run("/usr/bin/curl", arguments)
        }
        let output = result.stdout
        guard let newline = output.lastIndex(of: UInt8(ascii: "\n")),
            let status = Int(String(decoding: output[(newline + 1)...], as: UTF8.self))
        else { throw Poll.TimedOut(what: "a curl answer (\(result.stderr))") }
        return (status, Data(output[..<newline]))
    }

    /// GET and decode.
    func get<T: Decodable>(_ path: String, as type: T.Type) throws -> T {
        let (status, body) = try curl("GET", path)
        #expect(status == 200, "GET \(path) answered \(status): \(String(decoding: body, as: UTF8.self))")
        return try APIJSON.makeDecoder().decode(T.self, from: body)
    }

    func health() throws -> HealthView { try get("/v1/health", as: HealthView.self) }

    func job(_ id: Int64) throws -> JobView { try get("/v1/jobs/\(id)", as: JobView.self) }

    /// Waits until job `id` satisfies `condition`.
    @discardableResult
    func waitForJob(_ id: Int64, _ what: String, seconds: Double = 30, _ condition: (JobView) -> Bool) throws -> JobView {
        try Poll.until("job \(id) \(what)", seconds: seconds) {
            let job = try self.job(id)
            return condition(job) ? job : nil
        }
    }

    /// Submits a generate job for the fake worker over the API; returns its id.
    func submit(prompts: [String], seeds: [Int] = [1], priority: Int = 0, asUID uid: UInt32? = nil) throws -> Int64 {
        let request = SubmitJobRequest(
            kind: .generate,
            spec: .object([
                ("model", .string("fake")), ("prompts", .array(prompts.map { .string($0) })),
                ("seeds", .array(seeds.map { .int($0) })),
            ]),
            priority: priority)
        let body = String(decoding: try APIJSON.makeEncoder().encode(request), as: UTF8.self)
        let (status, answer) = try curl("POST", "/v1/jobs", body: body, asUID: uid)
        #expect(status == 201, "submit answered \(status): \(String(decoding: answer, as: UTF8.self))")
        return try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
    }

    /// Runs the `ecad` CLI against this daemon.
    func ecad(_ arguments: [String]) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment["ECAD_SOCKET"] = socket
        return try CommandResult.run(Self.binDirectory + "/ecad", arguments, environment: environment)
    }
}
