import ECADAPI
import ECADCore
import Foundation
import Testing

/// Starts the built `ecadd` binary on a temp socket and state dir with the fake or the native worker, and
/// drives it with the built `ecad` binary and `curl --unix-socket`.
final class DaemonHarness {
    /// Which worker `ecadd` spawns per job.
    enum Worker {
        /// The Python test double (`Fixtures/fake_worker.py`), with the fake models the tests make.
        case fake
        /// The built native `ecad-worker` beside `ecadd`, on the shipped `models/` (shapes32).
        case native
        /// Another executable (a script that records its environment, then execs a worker).
        case custom(String)
    }

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
    /// The executable `ecadd` spawns as its worker (the worker itself, or the recorder's wrapper).
    let workerExecutable: String
    /// Records the worker's stdin and stdout, when asked for.
    let recorder: WorkerIORecorder?
    /// Variables added to `ecadd`'s environment (it inherits the test's otherwise).
    var environment: [String: String] = [:]
    /// Flags added to `ecadd`'s command line (`--idle-timeout 1`).
    var daemonArguments: [String] = []
    private(set) var daemon: SpawnedProcess?

    /// A harness in a fresh temp folder; `recordWorkerIO` puts a ``WorkerIORecorder`` between `ecadd` and its worker.
    init(heartbeatTimeout: Double = 30, slots: Int = 1, worker: Worker = .fake, recordWorkerIO: Bool = false) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecad-it-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        socket = root.appendingPathComponent("ecadd.sock").path
        stateDirectory = root.appendingPathComponent("state").path
        self.heartbeatTimeout = heartbeatTimeout
        self.slots = slots
        var executable = Self.fakeWorker
        switch worker {
        case .fake: break
        case .native:
            executable = Self.binDirectory + "/ecad-worker"
            environment["ECAD_MODELS_DIR"] = Self.packageRoot.appendingPathComponent("models").path
        case .custom(let path): executable = path
        }
        recorder = recordWorkerIO ? try WorkerIORecorder(worker: executable, directory: root.appendingPathComponent("io")) : nil
        workerExecutable = recorder?.wrapper ?? executable
    }

    deinit {
        daemon = nil  // SIGKILLed and reaped
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a models folder holding the fake worker's model (`fake`: 4 PixArt blocks) and points `ecadd` at it.
    func useFakeModels() throws {
        let folder = root.appendingPathComponent("models/fake/transformer")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
            {"attention_head_dim": 32, "caption_channels": 128, "cross_attention_dim": 128, "in_channels": 3,
             "num_attention_heads": 4, "num_layers": 4, "patch_size": 2, "sample_size": 32}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        environment["ECAD_MODELS_DIR"] = root.appendingPathComponent("models").path
    }

    /// A path inside the temp root.
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Starts `ecadd` (a ``SpawnedProcess``) and waits until /v1/health answers. `launcher` (an executable and
    /// its arguments) runs `ecadd` through a program that execs it in place, such as `systemd-socket-activate -l
    /// SOCKET`, so the pid stays the daemon's.
    func start(launcher: [String] = []) throws {
        let command = launcher + [
            Self.binDirectory + "/ecadd", "--socket", socket, "--state-dir", stateDirectory, "--worker", workerExecutable,
            "--slots", String(slots), "--heartbeat-timeout", String(heartbeatTimeout),
        ] + daemonArguments
        daemon = try SpawnedProcess(command, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        _ = try Poll.until("ecadd to answer") { try? curl("GET", "/v1/health").0 == 200 ? true : nil }
    }

    /// The daemon's pid while it runs.
    var daemonPID: Int32? { daemon?.pid }

    /// The daemon's child processes now (its workers), from `/proc/PID/task/*/children`.
    func workerPIDs() -> [Int32] {
        guard let pid = daemonPID else { return [] }
        let tasks = "/proc/\(pid)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return threads.flatMap { thread -> [Int32] in
            let text = (try? String(contentsOfFile: "\(tasks)/\(thread)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }.sorted()
    }

    /// SIGKILLs the daemon (no cleanup at all).
    func killDaemon() {
        guard let daemon else { return }
        kill(daemon.pid, SIGKILL)
        daemon.wait()
        self.daemon = nil
    }

    /// SIGTERMs the daemon and returns its exit status.
    func stopDaemon() -> Int32 {
        guard let daemon else { return -1 }
        kill(daemon.pid, SIGTERM)
        self.daemon = nil
        return daemon.wait()
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
            result = try CommandResult.run("/usr/bin/setpriv", Self.setpriv(uid) + ["/usr/bin/curl"] + arguments)
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

    /// Submits a search job with `spec` over the API; returns its id.
    func submitSearch(_ spec: JSONValue) throws -> Int64 {
        let body = String(decoding: try APIJSON.makeEncoder().encode(SubmitJobRequest(kind: .search, spec: spec)), as: UTF8.self)
        let (status, answer) = try curl("POST", "/v1/jobs", body: body)
        #expect(status == 201, "submit answered \(status): \(String(decoding: answer, as: UTF8.self))")
        return try APIJSON.makeDecoder().decode(JobView.self, from: answer).id
    }

    /// Runs the `ecad` CLI against this daemon, as `uid` (via setpriv) when given.
    func ecad(_ arguments: [String], asUID uid: UInt32? = nil) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment["ECAD_SOCKET"] = socket
        guard let uid else { return try CommandResult.run(Self.binDirectory + "/ecad", arguments, environment: environment) }
        return try CommandResult.run(
            "/usr/bin/setpriv", Self.setpriv(uid) + [Self.binDirectory + "/ecad"] + arguments, environment: environment)
    }

    /// setpriv's arguments to run a command as `uid` (and its gid), without supplementary groups.
    static func setpriv(_ uid: UInt32) -> [String] {
        ["--reuid", String(uid), "--regid", String(uid), "--clear-groups"]
    }
}
