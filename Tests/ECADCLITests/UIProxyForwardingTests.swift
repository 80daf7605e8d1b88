import Foundation
import Testing

@testable import ECADCLI

/// `ecad ui` end to end over real sockets: a raw HTTP client on 127.0.0.1, the proxy, and a fake daemon on a Unix
/// socket that records what reached it.
@Suite(.serialized)
struct UIProxyForwardingTests {
    private func withProxy(
        respond: @escaping @Sendable (FakeDaemonSocket.Received, SocketConnection) throws -> Void,
        _ body: (UIProxyServer, FakeDaemonSocket) throws -> Void
    ) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ui-proxy-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let daemon = try FakeDaemonSocket(in: directory, respond: respond)
        defer { daemon.close() }
        let server = try UIProxyServer(address: "127.0.0.1", port: 0, socketPath: daemon.path)
        Thread.detachNewThread { server.run() }
        defer { server.stop() }
        try body(server, daemon)
    }

    private func request(_ server: UIProxyServer, _ line: String, _ fields: [String] = [], body: String = "") -> String {
        let head = ([line, "Host: 127.0.0.1:\(server.policy.port)"] + fields).joined(separator: "\r\n")
        return head + "\r\n\r\n" + body
    }

    private func cookie(_ server: UIProxyServer) -> String {
        "Cookie: \(server.policy.cookieName)=\(server.policy.token.value)"
    }

    private static func answer(_ text: String) -> @Sendable (FakeDaemonSocket.Received, SocketConnection) throws -> Void {
        { _, connection in try connection.write(Data(text.utf8)) }
    }

    @Test func theTokenURLSetsTheCookieAndForwardsNothing() throws {
        try withProxy(respond: Self.answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")) { server, daemon in
            let path = String(server.url.dropFirst("http://127.0.0.1:\(server.policy.port)".count))
            let text = try RawHTTPClient(port: server.policy.port, request: request(server, "GET \(path) HTTP/1.1")).readAll()
            #expect(text.hasPrefix("HTTP/1.1 303 See Other\r\n"))
            #expect(text.contains("\r\nLocation: /ui/\r\n"))
            #expect(text.contains("\r\nSet-Cookie: \(server.policy.cookieName)=\(server.policy.token.value); HttpOnly; SameSite=Strict; Path=/\r\n"))
            #expect(daemon.requests.isEmpty)
        }
    }

    @Test func requestsWithoutTheCookieOrWithAnotherHostNeverReachTheDaemon() throws {
        try withProxy(respond: Self.answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")) { server, daemon in
            let port = server.policy.port
            let missing = try RawHTTPClient(port: port, request: request(server, "GET /ui/ HTTP/1.1")).readAll()
            #expect(missing.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
            #expect(missing.hasSuffix(UIAccessPolicy.tokenMessage + "\n"))
            let wrong = try RawHTTPClient(port: port, request: request(server, "GET /ui/?token=00 HTTP/1.1")).readAll()
            #expect(wrong.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
            let rebound = "GET /ui/ HTTP/1.1\r\nHost: evil.example:\(port)\r\n\(cookie(server))\r\n\r\n"
            #expect(try RawHTTPClient(port: port, request: rebound).readAll().hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
            let other = try RawHTTPClient(port: port, request: request(server, "GET /metrics HTTP/1.1", [cookie(server)])).readAll()
            #expect(other.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
            #expect(daemon.requests.isEmpty)
        }
    }

    @Test func aRequestIsForwardedWithoutHopByHopFieldsOrTheCookie() throws {
        let response = """
            HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nKeep-Alive: timeout=5\r\nConnection: keep-alive, \
            X-Hop\r\nX-Hop: 1\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 11\r\n\r\n{"id": 42}\n
            """
        try withProxy(respond: Self.answer(response)) { server, daemon in
            let sent = request(
                server, "POST /v1/jobs/7/cancel HTTP/1.1",
                [cookie(server), "Content-Type: application/json", "Content-Length: 2", "Connection: keep-alive, X-Private",
                 "X-Private: secret", "Keep-Alive: timeout=5", "Origin: http://127.0.0.1"], body: "{}")
            let text = try RawHTTPClient(port: server.policy.port, request: sent).readAll()
            let received = try #require(daemon.requests.first)
            #expect(received.startLine == "POST /v1/jobs/7/cancel HTTP/1.1")
            #expect(received.fields == [
                "Host: localhost", "Content-Type: application/json", "Content-Length: 2", "Origin: http://127.0.0.1",
                "Connection: close",
            ])
            #expect(received.body == Data("{}".utf8))
            #expect(text == """
                HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\
                Content-Length: 11\r\nConnection: close\r\n\r\n{"id": 42}\n
                """)
        }
    }

    @Test func aStreamedAnswerArrivesPieceByPiece() throws {
        let firstSeen = DispatchSemaphore(value: 0)
        try withProxy(respond: { _, connection in
            try connection.write(Data("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nfirst\n\r\n".utf8))
            // The second piece is written only once the browser side has read the first through the proxy.
            _ = firstSeen.wait(timeout: .now() + 30)
            try connection.write(Data("7\r\nsecond\n\r\n0\r\n\r\n".utf8))
        }) { server, _ in
            let client = try RawHTTPClient(
                port: server.policy.port, request: request(server, "GET /v1/jobs/3/events?follow=1 HTTP/1.1", [cookie(server)]))
            let first = try client.read(until: "first\n")
            #expect(first.contains("Transfer-Encoding: chunked\r\n"))
            #expect(!first.contains("second"))
            firstSeen.signal()
            #expect((first + (try client.readAll())).hasSuffix("\r\n\r\n6\r\nfirst\n\r\n7\r\nsecond\n\r\n0\r\n\r\n"))
        }
    }

    @Test func anUnreachableDaemonIsABadGateway() throws {
        let server = try UIProxyServer(address: "127.0.0.1", port: 0, socketPath: "/nonexistent/ecadd.sock")
        Thread.detachNewThread { server.run() }
        defer { server.stop() }
        let text = try RawHTTPClient(port: server.policy.port, request: request(server, "GET /ui/ HTTP/1.1", [cookie(server)])).readAll()
        #expect(text.hasPrefix("HTTP/1.1 502 Bad Gateway\r\n"))
        #expect(text.contains("cannot reach ecadd at /nonexistent/ecadd.sock"))
    }

    @Test func theCommandRefusesNonLoopbackAddresses() throws {
        let command = try #require(try ECADCommand.parseAsRoot(["ui", "--bind", "0.0.0.0"]) as? UICommand)
        #expect(throws: CLIError.self) { try command.execute() }
    }
}
