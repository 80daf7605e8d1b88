import Foundation

/// Parses one HTTP/1.1 response from a ``SocketConnection``: status line, headers, and a body framed by
/// `Content-Length`, `Transfer-Encoding: chunked` (read incrementally, for streamed events) or connection close.
final class HTTPResponseReader {
    /// Status code and headers (names lower-cased).
    struct Head {
        var status: Int
        var headers: [String: String]
    }

    private let connection: SocketConnection
    private var buffer = Data()
    private var eof = false

    init(connection: SocketConnection) { self.connection = connection }

    private func fill() throws(CLIError) {
        let data = try connection.read()
        if data.isEmpty { eof = true } else { buffer.append(data) }
    }

    /// Reads up to and including the next CRLF; nil at end of stream.
    private func readLine() throws(CLIError) -> Data? {
        while true {
            if let range = buffer.firstRange(of: Data("\r\n".utf8)) {
                let line = buffer[buffer.startIndex..<range.lowerBound]
                buffer.removeSubrange(buffer.startIndex..<range.upperBound)
                return Data(line)
            }
            if eof { return nil }
            try fill()
        }
    }

    private func readExactly(_ count: Int) throws(CLIError) -> Data {
        while buffer.count < count {
            if eof { throw CLIError.badResponse("connection closed inside a response body") }
            try fill()
        }
        let data = Data(buffer.prefix(count))
        buffer.removeFirst(count)
        return data
    }

    /// Reads the status line and headers.
    func readHead() throws(CLIError) -> Head {
        guard let statusLine = try readLine(), let text = String(data: statusLine, encoding: .utf8) else {
            throw CLIError.badResponse("the daemon closed the connection without answering")
        }
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw CLIError.badResponse("not an HTTP status line: \(text)")
        }
        var headers: [String: String] = [:]
        while let line = try readLine(), !line.isEmpty {
            guard let header = String(data: line, encoding: .utf8), let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            headers[name] = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Head(status: status, headers: headers)
    }

    /// Reads the whole body.
    func readBody(_ head: Head) throws(CLIError) -> Data {
        var body = Data()
        try readBody(head) { body.append($0) }
        return body
    }

    /// Reads the body piece by piece as it arrives, calling `consume` for each piece.
    func readBody(_ head: Head, consume: (Data) throws(CLIError) -> Void) throws(CLIError) {
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            while true {
                guard let sizeLine = try readLine(), let text = String(data: sizeLine, encoding: .utf8),
                    let size = Int(text.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16)
                else { throw CLIError.badResponse("bad chunk size line") }
                if size == 0 {
                    while let trailer = try readLine(), !trailer.isEmpty {}
                    return
                }
                try consume(try readExactly(size))
                _ = try readLine()
            }
        } else if let length = head.headers["content-length"].flatMap({ Int($0) }) {
            try consume(try readExactly(length))
        } else {
            while !eof { try fill() }
            try consume(buffer)
            buffer.removeAll()
        }
    }
}
