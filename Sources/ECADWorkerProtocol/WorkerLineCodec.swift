import Foundation

/// Encodes and decodes protocol lines (one JSON object + `\n`), both directions.
///
/// Daemons use ``encode(_:)-command`` and ``decodeReply(_:)``; workers written in Swift use the other pair.
public struct WorkerLineCodec: Sendable {
    /// Creates a codec.
    public init() {}

    private func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    private func line(_ kind: WorkerMessageKind, _ id: WorkerRequestID?, of: WorkerMessageKind? = nil,
                      _ payload: some Encodable) throws -> Data {
        var data = try makeEncoder().encode(WorkerEnvelope(kind: kind, id: id, of: of, payload: payload))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Encodes a daemon → worker line, newline included.
    public func encode(_ command: WorkerCommand) throws -> Data {
        switch command.request {
        case .hello(let body): try line(.hello, command.id, body)
        case .load(let body): try line(.load, command.id, body)
        case .evaluate(let body): try line(.evaluate, command.id, body)
        case .generate(let body): try line(.generate, command.id, body)
        case .shutdown(let body): try line(.shutdown, command.id, body)
        }
    }

    /// Encodes a worker → daemon line, newline included.
    public func encode(_ reply: WorkerReply) throws -> Data {
        switch reply {
        case .capabilities(let id, let body): try line(.capabilities, id, body)
        case .progress(let id, let body): try line(.progress, id, body)
        case .heartbeat(let body): try line(.heartbeat, nil, body)
        case .loaded(let id, let body): try line(.result, id, of: .load, body)
        case .evaluated(let id, let body): try line(.result, id, of: .evaluate, body)
        case .generated(let id, let body): try line(.result, id, of: .generate, body)
        case .shutDown(let id): try line(.result, id, of: .shutdown, EmptyPayload())
        case .failure(let id, let body): try line(.error, id, body)
        }
    }

    /// Decodes a daemon → worker line (trailing newline optional).
    /// - Throws: ``WorkerProtocolError`` naming what is wrong.
    public func decodeCommand(_ data: Data) throws(WorkerProtocolError) -> WorkerCommand {
        let header = try header(of: data)
        guard let id = header.id else { throw WorkerProtocolError(.badField, "request without \"id\"") }
        switch header.type {
        case WorkerMessageKind.hello.rawValue: return .init(id: id, request: .hello(try body(data)))
        case WorkerMessageKind.load.rawValue: return .init(id: id, request: .load(try body(data)))
        case WorkerMessageKind.evaluate.rawValue: return .init(id: id, request: .evaluate(try body(data)))
        case WorkerMessageKind.generate.rawValue: return .init(id: id, request: .generate(try body(data)))
        case WorkerMessageKind.shutdown.rawValue: return .init(id: id, request: .shutdown(try body(data)))
        default: throw WorkerProtocolError(.unexpectedKind, "\"type\": \(header.type) is not a daemon request")
        }
    }

    /// Decodes a worker → daemon line (trailing newline optional).
    /// - Throws: ``WorkerProtocolError`` naming what is wrong.
    public func decodeReply(_ data: Data) throws(WorkerProtocolError) -> WorkerReply {
        let header = try header(of: data)
        func requireID() throws(WorkerProtocolError) -> WorkerRequestID {
            guard let id = header.id else { throw WorkerProtocolError(.badField, "\(header.type) without \"id\"") }
            return id
        }
        switch header.type {
        case WorkerMessageKind.capabilities.rawValue: return .capabilities(try requireID(), try body(data))
        case WorkerMessageKind.progress.rawValue: return .progress(try requireID(), try body(data))
        case WorkerMessageKind.heartbeat.rawValue: return .heartbeat(try body(data))
        case WorkerMessageKind.error.rawValue: return .failure(header.id, try body(data))
        case WorkerMessageKind.result.rawValue:
            let id = try requireID()
            switch header.of {
            case WorkerMessageKind.load.rawValue: return .loaded(id, try body(data))
            case WorkerMessageKind.evaluate.rawValue: return .evaluated(id, try body(data))
            case WorkerMessageKind.generate.rawValue: return .generated(id, try body(data))
            case WorkerMessageKind.shutdown.rawValue: return .shutDown(id)
            default:
                throw WorkerProtocolError(.unexpectedKind, "result \"of\": \(header.of ?? "missing") is not a request kind")
            }
        default: throw WorkerProtocolError(.unexpectedKind, "\"type\": \(header.type) is not a worker message")
        }
    }

    private func header(of data: Data) throws(WorkerProtocolError) -> WorkerEnvelopeHeader {
        guard data.count <= WorkerProtocol.maxLineBytes else {
            throw WorkerProtocolError(.lineTooLong, "line of \(data.count) bytes exceeds \(WorkerProtocol.maxLineBytes)")
        }
        let header: WorkerEnvelopeHeader = try body(data)
        guard header.v == WorkerProtocol.version else {
            throw WorkerProtocolError(.unsupportedVersion, "\"v\": \(header.v), this build speaks \(WorkerProtocol.version)")
        }
        return header
    }

    private func body<T: Decodable>(_ data: Data) throws(WorkerProtocolError) -> T {
        do {
            return try makeDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw WorkerProtocolError(.badField, Self.describe(error))
        } catch {
            throw WorkerProtocolError(.malformedLine, "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "line" : "\"\(keys.joined(separator: "."))\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
