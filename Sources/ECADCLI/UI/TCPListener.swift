#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening IPv4 TCP socket (blocking accept), for `ecad ui`.
final class TCPListener: Sendable {
    private let fd: Int32
    /// The port it listens on (the one the kernel chose when asked for 0).
    let port: Int

    /// Binds `address:port` (`port` 0: any free port) and listens.
    /// - Throws: ``CLIError/usage(_:)`` naming `--bind` or `--port` when the address is not IPv4 or the bind fails.
    init(address: String, port: Int) throws(CLIError) {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
            throw CLIError.usage("--bind: \(address) is not an IPv4 address")
        }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw CLIError.usage("--port: no socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CLIError.usage("--port: cannot listen on \(address):\(port): \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: socketAddress.sin_port))
    }

    /// Waits for the next connection and returns its descriptor (for ``SocketConnection/init(adopting:)``); nil
    /// once ``shut()`` was called. Each accepted connection gives up a read that waits over `readTimeout` seconds
    /// (a browser that opens a connection and sends nothing).
    func nextConnection(readTimeout: Int = 30) -> Int32? {
        while true {
            let client = accept(fd, nil, nil)
            if client >= 0 {
                var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                return client
            }
            if errno == EINTR || errno == ECONNABORTED { continue }
            return nil
        }
    }

    /// Stops listening; a blocked ``nextConnection(readTimeout:)`` returns nil.
    func shut() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
