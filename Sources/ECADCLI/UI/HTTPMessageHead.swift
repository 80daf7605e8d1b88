import Foundation

/// The start line and header fields of one HTTP/1.1 request or response, as `ecad ui` reads and rewrites them:
/// fields keep their order, spelling and repeats (several `Set-Cookie`).
struct HTTPMessageHead {
    /// `GET /ui/ HTTP/1.1` or `HTTP/1.1 200 OK`.
    var startLine: String
    /// Name and value of each field, in order.
    var fields: [(name: String, value: String)]

    /// The largest head read from either side.
    static let maximumSize = 64 * 1024

    /// Hop-by-hop fields (RFC 9110 section 7.6.1), which describe one connection and are never forwarded.
    /// `Transfer-Encoding` is not among them here: `ecad ui` relays a response body byte for byte, chunked or
    /// not, so the framing field must travel with it.
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "upgrade",
    ]

    /// The method and request target of a request head; nil when the start line is not one.
    var request: (method: String, target: String)? {
        let parts = startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Every value of the field `name` (case-insensitive).
    func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// This head without hop-by-hop fields, the fields the `Connection` field names, and `removing`
    /// (lower-case names), with `Connection: close` added: one message per connection on both sides.
    func forwarded(removing extra: Set<String> = []) -> HTTPMessageHead {
        let named = Set(values("connection").flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        })
        let dropped = Self.hopByHop.union(named).union(extra)
        var head = self
        head.fields = fields.filter { !dropped.contains($0.name.lowercased()) }
        head.fields.append(("Connection", "close"))
        return head
    }

    /// The head as bytes on the wire, ending with the empty line.
    var serialized: Data {
        var text = startLine + "\r\n"
        for field in fields { text += "\(field.name): \(field.value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    /// Parses a head (without its final empty line); nil when it is not HTTP/1.1 text.
    init?(parsing data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        startLine = lines.removeFirst()
        fields = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                !line[..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else { return nil }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
    }

    /// A head built from its parts.
    init(startLine: String, fields: [(name: String, value: String)]) {
        self.startLine = startLine
        self.fields = fields
    }

    /// Reads a head from `connection`: returns it and the bytes read past its end (the start of the body).
    /// - Throws: ``CLIError/badResponse(_:)`` when the peer closes first, sends more than ``maximumSize`` bytes
    ///   of head, or sends something that is not an HTTP/1.1 head.
    static func read(from connection: SocketConnection) throws(CLIError) -> (head: HTTPMessageHead, rest: Data) {
        var buffer = Data()
        let terminator = Data("\r\n\r\n".utf8)
        while true {
            if let end = buffer.firstRange(of: terminator) {
                guard let head = HTTPMessageHead(parsing: buffer[buffer.startIndex..<end.lowerBound]) else {
                    throw CLIError.badResponse("not an HTTP/1.1 message head")
                }
                return (head, Data(buffer[end.upperBound...]))
            }
            guard buffer.count <= maximumSize else { throw CLIError.badResponse("message head over \(maximumSize) bytes") }
            let data = try connection.read()
            if data.isEmpty { throw CLIError.badResponse("connection closed inside a message head") }
            buffer.append(data)
        }
    }
}
