import Foundation
import Testing
import Synchronization

@testable import ECADCLI

#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for ecadd's Unix socket in `ecad ui`'s tests: accepts connections one at a time, records each
/// request (head and body) and lets the test's `respond` write the answer.
final class FakeDaemonSocket: Sendable {
    /// One request as the daemon side received it.
    struct Received: Sendable {
        var startLine: String
        var fields: [String]
        var body: Data
    }

    /// The socket's path.
    let path: String
    private let fd: Int32
    private let received = Mutex<[Received]>([])

    /// Listens at a fresh path in `directory`; each connection is answered by `respond`.
    init(in directory: URL, respond: @escaping @Sendable (Received, SocketConnection) throws -> Void) throws {
        path = directory.appendingPathComponent("d.sock").path
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: directory.appendingPathComponent("d.sock").path.utf8)
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0 && listen(fd, 8) == 0)
        let listening = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listening, nil, nil)
                if client < 0 { return }
                let connection = SocketConnection(adopting: client)
                guard let (head, rest) = try? HTTPMessageHead.read(from: connection) else { continue }
                var body = rest
                let length = head.values("content-length").first.flatMap { Int($0) } ?? 0
                while body.count < length, let more = try? connection.read(), !more.isEmpty { body.append(more) }
                let request = Received(
                    startLine: head.startLine, fields: head.fields.map { "\($0.name): \($0.value)" }, body: body)
                received.withLock { $0.append(request) }
                try? respond(request, connection)
                connection.shut()
            }
        }
    }

    /// The requests received so far.
    var requests: [Received] { received.withLock { $0 } }

    /// Stops accepting.
    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }
}
