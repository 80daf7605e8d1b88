@testable import ECADDaemon
import ECADWorkerProtocol
import Foundation
import Testing

/// Result files as the worker's one-shot mode writes them, read back by the Slurm executor.
struct SlurmChunkResultTests {
    private func write(_ replies: [WorkerReply]) throws -> String {
        let path = NSTemporaryDirectory() + "result-\(UUID().uuidString).json"
        var data = Data()
        for reply in replies { data.append(try WorkerLineCodec().encode(reply)) }
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private let loaded = WorkerReply.loaded("load", LoadResult(model: "shapes32", steps: 20, blocks: 6, components: []))

    @Test func evaluationsComeBackInRequestOrderWithTheBlockCount() throws {
        let evaluations = [1, 0].map { EvaluateResult.Evaluation(index: $0, rewards: [0.5], macs: 10, latencySeconds: 1) }
        let path = try write([loaded, .evaluated("e", EvaluateResult(evaluations: evaluations))])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(SlurmChunkResult.read(path, expecting: 2) == .evaluated(evaluations.reversed(), blocks: 6))
    }

    @Test func aMissingFileIsNoResultYetAndAnErrorOrAShortAnswerIsAFailedAttempt() throws {
        #expect(SlurmChunkResult.read("/nonexistent/result-0.json", expecting: 1) == nil)
        let failed = try write([.failure("load", WorkerFailure(code: "request_failed", message: "no model"))])
        defer { try? FileManager.default.removeItem(atPath: failed) }
        #expect(SlurmChunkResult.read(failed, expecting: 1) == .failed("worker error request_failed: no model"))
        let one = EvaluateResult.Evaluation(index: 0, rewards: [0.5], macs: 10, latencySeconds: 1)
        let short = try write([loaded, .evaluated("e", EvaluateResult(evaluations: [one]))])
        defer { try? FileManager.default.removeItem(atPath: short) }
        guard case .failed(let message)? = SlurmChunkResult.read(short, expecting: 2) else {
            Issue.record("a result with 1 evaluation for 2 schedules was accepted")
            return
        }
        #expect(message.contains("1 evaluations for 2 schedules"))
    }
}
