import Foundation

/// One browser connection to `ecad ui`: reads the request head, applies the ``UIAccessPolicy``, and either
/// answers itself (403, 404, the token redirect) or forwards the request to the daemon's Unix socket and relays
/// the answer as it arrives (a followed event stream included). One request per connection.
struct UIProxyConnection {
    /// Where the daemon listens.
    let socketPath: String
    /// The access rules.
    let policy: UIAccessPolicy

    /// Serves the request on `client` and closes it. Errors end the connection (the browser sees it close).
    func serve(_ client: SocketConnection) {
        defer { client.shut() }
        do {
            let (head, rest) = try HTTPMessageHead.read(from: client)
            guard let request = head.request else {
                return try answer(client, status: 400, message: "not an HTTP/1.1 request")
            }
            let (method, target) = request
            switch policy.decide(target: target, head: head) {
            case .noContent:
                try client.write(HTTPMessageHead(startLine: "HTTP/1.1 204 No Content", fields: [("Connection", "close")]).serialized)
            case .refuse(let status, let message):
                try answer(client, status: status, message: message)
            case .redirect(let location, let cookie):
                try answer(client, status: 303, message: "see \(location)", extra: [("Location", location), ("Set-Cookie", cookie)])
            case .forward:
                try forward(method: method, head: head, rest: rest, client: client)
            }
        } catch {
            // A peer that closed or sent garbage: nothing more to say on this connection.
        }
    }

    /// Sends the request to the daemon and relays the answer.
    private func forward(method: String, head: HTTPMessageHead, rest: Data, client: SocketConnection) throws(CLIError) {
        if !head.values("transfer-encoding").isEmpty {
            return try answer(client, status: 411, message: "send the request body with a Content-Length")
        }
        guard let length = Int(head.values("content-length").first ?? "0"), length >= 0 else { return try answer(client, status: 400, message: "bad Content-Length") }
        let daemon: SocketConnection
        do { daemon = try SocketConnection(unixPath: socketPath) } catch {
            return try answer(client, status: 502, message: error.description)
        }
        defer { daemon.shut() }
        var request = head.forwarded(removing: ["cookie", "host"])
        request.fields.insert(("Host", "localhost"), at: 0)
        try daemon.write(request.serialized)
        var sent = 0
        var piece = rest
        while sent < length {
            if piece.isEmpty { piece = try client.read() }
            if piece.isEmpty { throw CLIError.badResponse("the browser closed inside the request body") }
            let part = piece.prefix(length - sent)
            try daemon.write(Data(part))
            sent += part.count
            piece = Data()
        }
        let (response, body) = try HTTPMessageHead.read(from: daemon)
        try client.write(response.forwarded().serialized)
        if !body.isEmpty { try client.write(body) }
        while true {
            let data = try daemon.read()
            if data.isEmpty { return }
            try client.write(data)
        }
    }

    /// Reason phrases of the statuses `ecad ui` answers itself.
    private static let reasons = [
        303: "See Other", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 411: "Length Required",
        502: "Bad Gateway",
    ]

    /// Answers with a short text of `ecad ui`'s own.
    private func answer(
        _ client: SocketConnection, status: Int, message: String, extra: [(name: String, value: String)] = []
    ) throws(CLIError) {
        let body = Data((message + "\n").utf8)
        let reason = Self.reasons[status] ?? "Error"
        let head = HTTPMessageHead(
            startLine: "HTTP/1.1 \(status) \(reason)",
            fields: extra + [
                ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "\(body.count)"),
                ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"), ("Connection", "close"),
            ])
        try client.write(head.serialized + body)
    }
}
