import Foundation
import Testing

@testable import ECADCLI

#if canImport(Glibc)
import Glibc
#endif

/// A browser stand-in for `ecad ui`'s tests: one raw HTTP/1.1 exchange over TCP to 127.0.0.1, bytes as sent.
struct RawHTTPClient {
    /// The open connection.
    let connection: SocketConnection

    /// Connects to 127.0.0.1:`port` and sends `request` (a whole head with its empty line, then any body).
    init(port: Int, request: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        connection = SocketConnection(adopting: fd)
        try connection.write(Data(request.utf8))
    }

    /// Reads until the proxy closes the connection; returns everything as text.
    func readAll() throws -> String {
        var data = Data()
        while true {
            let piece = try connection.read()
            if piece.isEmpty { break }
            data.append(piece)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads until `text` has arrived (or the connection closes); returns what was read.
    func read(until text: String) throws -> String {
        var data = Data()
        while !String(decoding: data, as: UTF8.self).contains(text) {
            let piece = try connection.read()
            if piece.isEmpty { break }
            data.append(piece)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
