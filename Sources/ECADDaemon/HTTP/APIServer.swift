#if canImport(Glibc)
import Glibc
#endif
import ECADAPI
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The HTTP/1.1 API on the Unix socket: our own NIO accept loop around Hummingbird's `Router` and
/// `HTTP1Channel`, so that it can serve both a socket it binds itself and one inherited from systemd, and read
/// each connection's SO_PEERCRED before the first request.
///
/// Each connection is closed after ``idleTimeout`` without a request in progress (Hummingbird's
/// `HTTPConnectionStateHandler`; a streaming answer such as `events?follow=1` is a request in progress and
/// sends keep-alive lines). A uid past the ``limiter``'s cap gets `429 too_many_connections` to every request
/// on its new connection, which is then closed after a short idle time.
struct APIServer: Service {
    /// Where connections come from.
    enum Listener: Sendable {
        /// Bind this path (removing a stale socket file first) and make it connectable by everyone (0666);
        /// requests are authorized per peer uid.
        case path(String)
        /// Use this already-listening fd (socket activation).
        case inherited(Int32)
    }

    /// A refused connection is closed after this long without a request (or ``idleTimeout`` if shorter).
    static let refusedIdleTimeout = Duration.seconds(2)

    let listener: Listener
    let responder: RouterResponder<DaemonRequestContext>
    /// The methods each path answers: a request no route matched gets 405 or 404 from it.
    let methods: RouteMethods
    /// How long a connection may wait for its next request.
    let idleTimeout: Duration
    /// Open connections per uid.
    let limiter: ConnectionLimiter
    let logger: Logger
    /// Called once the socket accepts connections.
    let onListening: @Sendable () async -> Void

    func run() async throws {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = {
            [responder, methods, logger, limiter, idleTimeout] channel in
            PeerCredentials.read(from: channel).flatMap { peer in
                let http: HTTP1Channel
                if limiter.admit(peer.uid) {
                    channel.closeFuture.whenComplete { _ in limiter.release(peer.uid) }
                    http = HTTP1Channel(
                        responder: Self.respond(with: responder, methods: methods, peer: peer, logger: logger),
                        configuration: .init(idleTimeout: TimeAmount(idleTimeout)))
                } else {
                    logger.debug("connection refused: per-user cap", metadata: ["peer.uid": "\(peer.uid)"])
                    http = HTTP1Channel(
                        responder: Self.refuse(uid: peer.uid, cap: limiter.maxPerUser),
                        configuration: .init(idleTimeout: TimeAmount(min(idleTimeout, Self.refusedIdleTimeout))))
                }
                return http.setup(channel: channel, logger: logger).map { Connection(channel: $0, http: http) }
            }
        }
        let server: NIOAsyncChannel<Connection, Never>
        switch listener {
        case .path(let path):
            server = try await bootstrap.bind(
                unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
            chmod(path, 0o666)
        case .inherited(let fd):
            server = try await bootstrap.bind(fd, childChannelInitializer: initializer)
        }
        await onListening()
        try await cancelWhenGracefulShutdown {
            try await server.executeThenClose { inbound in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in inbound {
                            group.addTask { await connection.http.handle(value: connection.channel, logger: logger) }
                        }
                    } catch {
                        logger.debug("accept loop ended", metadata: ["error": "\(error)"])
                    }
                }
            }
        }
    }

    /// An accepted connection, set up for HTTP/1.1 and bound to its peer's credentials.
    struct Connection: Sendable {
        let channel: HTTP1Channel.Value
        let http: HTTP1Channel
    }

    /// Answers every request of a connection past its uid's cap with `429 too_many_connections`.
    private static func refuse(uid: UInt32, cap: Int) -> HTTPChannelHandler.Responder {
        { _, writer, _ in
            let failure = APIFailure(
                .tooManyRequests, ErrorBody.tooManyConnections,
                "uid \(uid) has \(cap) connections open to ecadd, the most one user may have; close some and retry")
            var response = try JSONResponse.make(failure.body, status: failure.status)
            response.headers[.connection] = "close"
            try await writer.write(response: response.head, body: response.body)
        }
    }

    private static func respond(
        with responder: RouterResponder<DaemonRequestContext>, methods: RouteMethods, peer: PeerCredentials,
        logger: Logger
    ) -> HTTPChannelHandler.Responder {
        { request, writer, _ in
            let context = DaemonRequestContext(source: DaemonContextSource(logger: logger, peer: peer))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch {
                response = try APIFailure.from(error).response(from: request, context: context)
            }
            if response.status == .notFound, response.headers[.contentType] == nil {
                response = try methods.response(to: request, context: context)
            }
            try await writer.write(response: response.head, body: response.body)
        }
    }
}
