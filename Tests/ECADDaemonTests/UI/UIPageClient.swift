@testable import ECADDaemon
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Asks the dashboard's routes directly (no socket), as the API server would for a peer uid.
struct UIPageClient {
    /// An answer: status, headers and body text.
    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
    }

    let router: Router<DaemonRequestContext>

    /// A router with the dashboard's routes on `daemon`.
    static func router(_ daemon: DaemonContext) -> Router<DaemonRequestContext> {
        let router = Router(context: DaemonRequestContext.self)
        UIRoutes(daemon: daemon).register(on: router)
        return router
    }

    /// `GET path` as `uid`; a request no route matches gets what the API server would send.
    func get(_ path: String, as uid: UInt32) async throws -> Answer {
        let request = Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path),
            body: RequestBody(buffer: ByteBuffer()))
        let context = DaemonRequestContext(
            source: DaemonContextSource(logger: Logger(label: "ui-test"), peer: PeerCredentials(pid: 1, uid: uid, gid: uid)))
        var response = try await router.buildResponder().respond(to: request, context: context)
        if response.status == .notFound, response.headers[.contentType] == nil {
            response = try RouteMethods(router.routes).response(to: request, context: context)
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        return Answer(status: response.status, headers: response.headers, text: String(decoding: collector.bytes, as: UTF8.self))
    }
}

/// Collects a response body.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private(set) var bytes: [UInt8] = []

    func write(_ buffer: ByteBuffer) async throws { bytes += Array(buffer.readableBytesView) }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
