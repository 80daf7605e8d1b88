import ECADAPI
import ECADStore
import Foundation
import HTTPTypes
import Hummingbird

/// An API error: an HTTP status and the JSON body `{"error":{"code","message","field"}}`.
struct APIFailure: HTTPResponseError {
    /// Largest accepted request body (1 MiB).
    static let maxBodyBytes = 1 << 20

    let status: HTTPResponse.Status
    let body: ErrorBody
    /// Headers sent with the error (`Allow` on a 405).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.body = ErrorBody(code: code, message: message, field: field)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONResponse.make(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    static func badRequest(_ message: String, field: String? = nil) -> APIFailure {
        APIFailure(.badRequest, ErrorBody.badRequest, message, field: field)
    }

    static func forbidden(_ message: String, field: String? = nil) -> APIFailure {
        APIFailure(.forbidden, ErrorBody.forbidden, message, field: field)
    }

    static func notFound(_ message: String) -> APIFailure {
        APIFailure(.notFound, ErrorBody.notFound, message)
    }

    /// 413 for a request body over `limit` bytes.
    static func tooLarge(limit: Int = maxBodyBytes) -> APIFailure {
        APIFailure(.contentTooLarge, ErrorBody.payloadTooLarge, "request body exceeds \(limit) bytes")
    }

    /// Maps any error thrown while serving a request to a failure.
    static func from(_ error: any Error) -> APIFailure {
        switch error {
        case let failure as APIFailure: return failure
        case let store as StoreError: return from(store)
        case let api as APIError:
            if case .unknownField = api {
                return APIFailure(.badRequest, ErrorBody.unknownField, api.description, field: api.field)
            }
            return badRequest(api.description, field: api.field)
        case let decoding as DecodingError: return from(decoding)
        case let daemon as DaemonError:
            if case .invalidSpec(let field, _) = daemon { return badRequest(daemon.description, field: field) }
            return APIFailure(.internalServerError, ErrorBody.internalError, daemon.description)
        default: return APIFailure(.internalServerError, ErrorBody.internalError, "\(error)")
        }
    }

    private static func from(_ error: StoreError) -> APIFailure {
        switch error {
        case .jobNotFound, .notFound: notFound(error.description)
        case .invalidTransition: APIFailure(.conflict, ErrorBody.conflict, error.description)
        case .forbidden: forbidden(error.description)
        case .invalidInput(let field, _): badRequest(error.description, field: field)
        case .inputTooLarge(let field, _, _):
            APIFailure(.contentTooLarge, ErrorBody.payloadTooLarge, error.description, field: field)
        case .notImplemented: notFound(error.description)
        case .database: APIFailure(.serviceUnavailable, ErrorBody.unavailable, error.description)
        case .diskFull:
            APIFailure(.init(code: 507, reasonPhrase: "Insufficient Storage"), ErrorBody.insufficientStorage, error.description)
        }
    }

    private static func from(_ error: DecodingError) -> APIFailure {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            (context.codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context, key)
            return badRequest("missing field \"\(field)\"", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context)
            return badRequest("field \"\(field)\" has the wrong type (expected \(type))", field: field)
        case .valueNotFound(_, let context):
            let field = path(context)
            return badRequest("field \"\(field)\" must not be null", field: field)
        case .dataCorrupted(let context):
            let field = path(context)
            if field.isEmpty { return badRequest("body is not valid JSON") }
            return badRequest("field \"\(field)\": \(context.debugDescription)", field: field)
        @unknown default:
            return badRequest("\(error)")
        }
    }
}
