import Foundation

/// A minimal HTTP/1.1 client for the daemon's API on a Unix socket (one connection per request).
///
/// The CLI deliberately links no NIO: requests are small and the event stream is read chunk by chunk.
struct UnixHTTPClient: Sendable {
    /// A complete response.
    struct Response {
        var status: Int
        var body: Data
    }

    /// The daemon's socket path.
    var socketPath: String

    private func open(_ method: String, _ path: String, body: Data?) throws(CLIError)
        -> (SocketConnection, HTTPResponseReader, HTTPResponseReader.Head)
    {
        let connection = try SocketConnection(unixPath: socketPath)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body {
            head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        }
        var data = Data((head + "\r\n").utf8)
        if let body { data.append(body) }
        try connection.write(data)
        let reader = HTTPResponseReader(connection: connection)
        return (connection, reader, try reader.readHead())
    }

    /// Sends one request and reads the whole response.
    func send(_ method: String, _ path: String, body: Data? = nil) throws(CLIError) -> Response {
        let (connection, reader, head) = try open(method, path, body: body)
        defer { connection.shut() }
        return Response(status: head.status, body: try reader.readBody(head))
    }

    /// Sends a GET whose answer is a stream of JSON lines and calls `onLine` for each complete line as it
    /// arrives. Returns the status; a non-2xx answer's body is returned whole instead of streamed.
    func streamLines(_ path: String, onLine: (Data) throws(CLIError) -> Void) throws(CLIError) -> Response {
        let (connection, reader, head) = try open("GET", path, body: nil)
        defer { connection.shut() }
        guard (200..<300).contains(head.status) else {
            return Response(status: head.status, body: try reader.readBody(head))
        }
        var pending = Data()
        try reader.readBody(head) { (piece: Data) throws(CLIError) in
            pending.append(piece)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(pending[pending.startIndex..<newline])
                pending.removeSubrange(pending.startIndex...newline)
                if !line.isEmpty { try onLine(line) }
            }
        }
        if !pending.isEmpty { try onLine(pending) }
        return Response(status: head.status, body: Data())
    }
}
