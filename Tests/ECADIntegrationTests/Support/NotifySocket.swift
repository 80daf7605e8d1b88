import Foundation

/// A datagram socket standing in for systemd's `NOTIFY_SOCKET`: it receives what `sd_notify` sends
/// (`READY=1`, `STATUS=...`, `STOPPING=1`, `WATCHDOG=1`).
final class NotifySocket {
    /// A socket call failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Its path (give it to the daemon as `NOTIFY_SOCKET`).
    let path: String
    private let descriptor: Int32

    /// Binds a new socket at `path`.
    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket(AF_UNIX, SOCK_DGRAM): errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind \(path): errno \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// The next datagram, or nil when none comes within 100 ms.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// Receives datagrams until one satisfies `condition`, within `seconds`; returns it.
    func wait(for what: String, seconds: Double = 20, _ condition: (String) -> Bool) throws -> String {
        try Poll.until(what, seconds: seconds) { receive().flatMap { condition($0) ? $0 : nil } }
    }
}
