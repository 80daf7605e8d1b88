import ECADDaemon
import ECADWorkerProtocol
import Foundation
import Synchronization
import Testing

/// The worker protocol conformance suite: runs against any worker executable.
///
/// `ECAD_CONFORMANCE_WORKER` names the executable (default: the fake worker test double);
/// `ECAD_CONFORMANCE_MODEL` the model to load (default: the first model the worker lists). The native and
/// Python workers run this same suite.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct WorkerConformanceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let executable = ProcessInfo.processInfo.environment["ECAD_CONFORMANCE_WORKER"]
        ?? packageRoot.appendingPathComponent("Tests/ECADIntegrationTests/Fixtures/fake_worker.py").path

    private func start() throws -> WorkerSession {
        let process = try WorkerProcess.spawn(executable: Self.executable) { _ in }
        return WorkerSession(process: process)
    }

    private func loadedSession() async throws -> (WorkerSession, LoadResult) {
        let session = try start()
        let capabilities = try await session.handshake(heartbeatInterval: 0.2, daemonVersion: "conformance")
        let model = try #require(ProcessInfo.processInfo.environment["ECAD_CONFORMANCE_MODEL"] ?? capabilities.models.first?.id)
        guard case .loaded(_, let loaded) = try await session.call(.load(LoadRequest(model: model))) else {
            Issue.record("load did not answer with a load result")
            throw DaemonError.workerProtocol("no load result")
        }
        return (session, loaded)
    }

    @Test("hello is answered with capabilities of this protocol version")
    func handshake() async throws {
        let session = try start()
        let capabilities = try await session.handshake(heartbeatInterval: 0.2, daemonVersion: "conformance")
        #expect(capabilities.protocolVersion == WorkerProtocol.version)
        #expect(!capabilities.backend.isEmpty)
        #expect(!capabilities.models.isEmpty)
        session.process.kill()
    }

    @Test("heartbeats keep coming while the worker is idle")
    func heartbeats() async throws {
        let session = try start()
        _ = try await session.handshake(heartbeatInterval: 0.1, daemonVersion: "conformance")
        let before = session.process.silence
        var beats = 0
        for await output in session.process.outputs {
            if case .reply(.heartbeat) = output { beats += 1 }
            if beats == 3 { break }
        }
        #expect(beats == 3)
        #expect(session.process.silence <= before + .seconds(1))
        session.process.kill()
    }

    @Test("an unknown model is an error answer, and the worker stays usable")
    func unknownModel() async throws {
        let session = try start()
        _ = try await session.handshake(heartbeatInterval: 0.2, daemonVersion: "conformance")
        await #expect(throws: DaemonError.self) {
            _ = try await session.call(.load(LoadRequest(model: "no-such-model-\(UUID().uuidString)")))
        }
        let capabilities = try await session.handshake(heartbeatInterval: 0.2, daemonVersion: "conformance")
        #expect(capabilities.protocolVersion == WorkerProtocol.version)
        session.process.kill()
    }

    @Test("generate writes one PNG per prompt and seed into the artifact directory")
    func generate() async throws {
        let (session, loaded) = try await loadedSession()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = GenerateRequest(
            schedule: .computeAll(steps: loaded.steps, blocks: loaded.blocks, components: loaded.components),
            prompts: ["a red circle", "a blue square"], seeds: [1, 2],
            sampler: SamplerSettings(steps: loaded.steps), artifactDir: directory.path)
        let reported = Mutex<[Int]>([])
        let reply = try await session.call(.generate(request)) { report in reported.withLock { $0.append(report.done) } }
        let progress = reported.withLock { $0 }
        guard case .generated(_, let result) = reply else {
            Issue.record("generate did not answer with a generate result")
            return
        }
        #expect(result.images.count == 4)
        for image in result.images {
            #expect(image.path.hasPrefix(directory.path))
            let data = try Data(contentsOf: URL(fileURLWithPath: image.path))
            #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
        #expect(progress == progress.sorted())
        session.process.kill()
    }

    @Test("evaluate answers one evaluation per schedule with one reward per prompt")
    func evaluate() async throws {
        let (session, loaded) = try await loadedSession()
        let full = WireSchedule.computeAll(steps: loaded.steps, blocks: loaded.blocks, components: loaded.components)
        let request = EvaluateRequest(
            schedules: [full, full], prompts: ["a red circle", "a blue square", "a green ring"], seeds: [0],
            sampler: SamplerSettings(steps: loaded.steps))
        guard case .evaluated(_, let result) = try await session.call(.evaluate(request)) else {
            Issue.record("evaluate did not answer with an evaluate result")
            return
        }
        #expect(result.evaluations.map(\.index) == [0, 1])
        #expect(result.evaluations.allSatisfy { $0.rewards.count == 3 && $0.macs > 0 })
        session.process.kill()
    }

    @Test("shutdown is answered, then the worker exits 0")
    func shutdown() async throws {
        let session = try start()
        _ = try await session.handshake(heartbeatInterval: 0.2, daemonVersion: "conformance")
        guard case .shutDown = try await session.call(.shutdown(ShutdownRequest(reason: "conformance"))) else {
            Issue.record("shutdown was not answered")
            return
        }
        let status = await session.drainUntilExit()
        #expect(status?.exitCode == 0)
    }
}
