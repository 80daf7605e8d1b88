import ECADAPI
import ECADCore
import Foundation
import Hummingbird
import NIOCore

/// Reading ids, query parameters and JSON bodies from requests, with the API's errors.
enum RequestReading {
    /// The `{id}` path parameter as a job id.
    /// - Throws: 400 when it is not a positive decimal number.
    static func jobID(_ context: DaemonRequestContext) throws -> JobID {
        let text = context.parameters.get("id") ?? ""
        do {
            return try JobID(parsing: text)
        } catch {
            throw APIFailure.badRequest("bad job id \"\(text.prefix(64))\": expected a positive integer", field: "id")
        }
    }

    /// A query parameter, if present.
    static func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init)
    }

    /// A boolean parameter: `true` or `1`, `false` or `0`; absent is false. A bare `?all` or `?all=` is a 400,
    /// as docs/openapi.yaml says (a boolean has a value).
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let value = query(request, name) else { return false }
        switch value {
        case "1", "true": return true
        case "0", "false": return false
        default:
            throw APIFailure.badRequest(
                "query parameter \(name) must be true, false, 1 or 0, got \"\(value.prefix(32))\"", field: name)
        }
    }

    /// A non-negative integer parameter.
    static func integer(_ request: Request, _ name: String) throws -> Int64? {
        guard let value = query(request, name) else { return nil }
        guard let number = Int64(value), number >= 0 else {
            throw APIFailure.badRequest("query parameter \(name) must be a non-negative integer", field: name)
        }
        return number
    }

    /// The JSON body decoded as `T` (strict types refuse unknown fields).
    /// - Throws: 413 above `limit` bytes (1 MiB unless a route allows more), 400 for an empty or malformed body
    ///   naming the field.
    static func body<T: Decodable>(_ request: Request, as type: T.Type, limit: Int = APIFailure.maxBodyBytes) async throws -> T {
        let tooLarge = APIFailure.tooLarge(limit: limit)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge
        }
        guard buffer.readableBytes > 0 else { throw APIFailure.badRequest("request body is empty") }
        return try APIJSON.makeDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }
}
