import ECADWorkerProtocol
import Foundation

/// `ecad-worker oneshot`: the worker protocol through files instead of stdin/stdout, for batch systems such as
/// Slurm (docs/worker-protocol.md, "One-shot mode").
///
/// A request file holds protocol command lines (a `load`, then one or more `evaluate` or `generate`); its result
/// file gets the answer lines, in order, written to `<result>.tmp` and renamed into place, so a reader never sees
/// half a result. A request that fails is answered by a `failure` line and the file is still written. A model is
/// loaded once per path and kept for the following request files, so one long-lived task can work through many.
public struct OneshotRunner: Sendable {
    /// One request file and where its answers go.
    public struct Pair: Sendable, Equatable {
        /// The request file.
        public let request: String
        /// The result file.
        public let result: String

        /// Creates a pair.
        public init(request: String, result: String) {
            self.request = request
            self.result = result
        }
    }

    /// Resolves models and evaluates.
    public let server: WorkerServer

    /// A runner resolving model ids under `modelsRoot`.
    public init(modelsRoot: String) {
        server = WorkerServer(modelsRoot: modelsRoot)
    }

    /// Answers every pair in order, skipping those whose result file already exists (a rerun of a task).
    /// - Returns: the pairs whose result file could not be written (empty when every result is in place).
    public func run(_ pairs: [Pair]) async -> [Pair] {
        var models: [String: ModelBundle] = [:]
        var unwritten: [Pair] = []
        for pair in pairs where !FileManager.default.fileExists(atPath: pair.result) {
            let lines = await answer(requestFile: pair.request, models: &models)
            do {
                try Self.write(lines, to: pair.result)
            } catch {
                FileHandle.standardError.write(Data("ecad-worker: cannot write \(pair.result): \(error)\n".utf8))
                unwritten.append(pair)
            }
        }
        return unwritten
    }

    /// The answer lines for one request file; a file that cannot be read or parsed gets one `failure` line.
    private func answer(requestFile: String, models: inout [String: ModelBundle]) async -> [Data] {
        let codec = WorkerLineCodec()
        guard let data = FileManager.default.contents(atPath: requestFile) else {
            return Self.encoded([.failure(nil, WorkerFailure(code: "request_unreadable", message: "cannot read \(requestFile)"))])
        }
        var replies: [WorkerReply] = []
        var current: ModelBundle?
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let command: WorkerCommand
            do { command = try codec.decodeCommand(Data(line)) } catch {
                replies.append(.failure(nil, WorkerFailure(code: error.code.rawValue, message: error.message)))
                break
            }
            do {
                switch command.request {
                case .load(let request):
                    let key = request.path ?? "\(server.modelsRoot)/\(request.model)"
                    let bundle: ModelBundle
                    if let cached = models[key] { bundle = cached } else { bundle = try await server.load(request) }
                    models[key] = bundle
                    current = bundle
                    replies.append(.loaded(command.id, WorkerServer.loadResult(request, bundle: bundle)))
                case .evaluate(let request):
                    guard let model = current else { throw WorkerError("evaluate before load") }
                    replies.append(.evaluated(command.id, try await WorkerServer.evaluate(request, model: model)))
                case .generate(let request):
                    guard let model = current else { throw WorkerError("generate before load") }
                    replies.append(.generated(command.id, try await WorkerServer.generate(request, model: model)))
                case .hello, .shutdown:
                    throw WorkerError("hello and shutdown have no meaning in a request file")
                }
            } catch {
                replies.append(.failure(command.id, WorkerFailure(code: "request_failed", message: "\(error)")))
                break
            }
        }
        return Self.encoded(replies)
    }

    private static func encoded(_ replies: [WorkerReply]) -> [Data] {
        let codec = WorkerLineCodec()
        return replies.compactMap { try? codec.encode($0) }
    }

    /// Writes `lines` to `path.tmp`, flushes it to disk and renames it to `path`.
    private static func write(_ lines: [Data], to path: String) throws {
        let temporary = path + ".tmp"
        var content = Data()
        for line in lines { content.append(line) }
        try content.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw WorkerError("rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
