#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A blocking stream socket connection: the CLI side of the daemon's API on its Unix socket, and the browser's
/// TCP connections that `ecad ui` accepts.
final class SocketConnection {
    private let fd: Int32
    private var closed = false

    /// Takes ownership of a connected stream socket (closed by ``shut()`` or on deinit).
    init(adopting fd: Int32) { self.fd = fd }

    /// Connects to the Unix socket at `path`.
    /// - Throws: ``CLIError/unreachable(socket:reason:)`` when nothing listens there.
    convenience init(unixPath path: String) throws(CLIError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else {
            throw CLIError.unreachable(socket: path, reason: "socket path longer than \(capacity - 1) bytes")
        }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw CLIError.unreachable(socket: path, reason: String(cString: strerror(errno))) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CLIError.unreachable(socket: path, reason: reason)
        }
        self.init(adopting: fd)
    }

    deinit { shut() }

    /// Writes all of `data`.
    func write(_ data: Data) throws(CLIError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError.badResponse("write to the socket failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Reads up to `maximum` bytes; an empty result means the peer closed the connection.
    func read(maximum: Int = 64 * 1024) throws(CLIError) -> Data {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maximum, 0) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno == EINTR { continue }
            throw CLIError.badResponse("read from the socket failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the socket (idempotent).
    func shut() {
        if !closed {
            closed = true
            close(fd)
        }
    }
}
