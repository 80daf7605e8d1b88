import ECADWorkerProtocol
import Foundation

/// What a chunk's result file (`result-<chunk>.json`, protocol answer lines written by `ecad-worker oneshot`)
/// says: the chunk's evaluations, or why the worker could not produce them.
package enum SlurmChunkResult: Sendable, Equatable {
    /// The evaluations, in request order, and the block count the worker's model reported on load.
    case evaluated([EvaluateResult.Evaluation], blocks: Int)
    /// The worker answered with an error (or wrote something unreadable); the chunk counts as a failed attempt.
    case failed(String)

    /// Reads a result file; nil when there is none yet.
    package static func read(_ path: String, expecting count: Int) -> SlurmChunkResult? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let codec = WorkerLineCodec()
        var blocks: Int?
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let reply: WorkerReply
            do { reply = try codec.decodeReply(Data(line)) } catch {
                return .failed("\(path): \(error.message)")
            }
            switch reply {
            case .loaded(_, let loaded):
                blocks = loaded.blocks
            case .evaluated(_, let result):
                guard let blocks else { return .failed("\(path): an evaluate result before any load result") }
                let evaluations = result.evaluations.sorted { $0.index < $1.index }
                guard evaluations.map(\.index) == Array(0..<count) else {
                    return .failed("\(path): \(evaluations.count) evaluations for \(count) schedules")
                }
                return .evaluated(evaluations, blocks: blocks)
            case .failure(_, let failure):
                return .failed("worker error \(failure.code): \(failure.message)")
            default:
                continue
            }
        }
        return .failed("\(path): no evaluate result")
    }
}
