/// What `ecad ui` does with a browser's request before anything reaches the daemon: the Host check (against DNS
/// rebinding), the token (once in `?token=`, then in a cookie), and the paths it serves (`/ui/...`, `/v1/...`).
struct UIAccessPolicy: Sendable {
    /// The decision for one request.
    enum Decision: Equatable {
        /// Forward the request to the daemon.
        case forward
        /// 303 to `location` (the URL without its token), setting the cookie `setCookie`.
        case redirect(location: String, setCookie: String)
        /// Answer 204 with no body: `/favicon.ico`, which browsers ask for on their own (a 404 there would be logged
        /// as a page error).
        case noContent
        /// Answer `status` with a short text `message`, forward nothing.
        case refuse(status: Int, message: String)
    }

    /// The token printed in the URL.
    let token: UIToken
    /// The address `ecad ui` listens on (`127.0.0.1`).
    let address: String
    /// The port it listens on.
    let port: Int

    /// The cookie's name: one per port, because browsers keep cookies per host, not per port, and two `ecad ui`
    /// on one machine (two daemons, two users) must not overwrite each other's.
    var cookieName: String { "ecad_ui_\(port)" }

    /// The message of the 403 for a missing or wrong token.
    static let tokenMessage = "missing or wrong token: open the URL ecad ui printed"

    /// Decides what to do with a request for `target` whose header fields are `head`. The path is checked before
    /// the token so that the redirect's `Location` is always a path of this server.
    func decide(target: String, head: HTTPMessageHead) -> Decision {
        let hosts = head.values("host")
        let allowed = ["\(address):\(port)", "127.0.0.1:\(port)", "localhost:\(port)"]
        guard hosts.count == 1, allowed.contains(where: { $0.caseInsensitiveCompare(hosts[0]) == .orderedSame }) else {
            return .refuse(status: 403, message: "wrong Host header: open http://127.0.0.1:\(port)/ as ecad ui printed")
        }
        let (path, query) = Self.split(target)
        if path == "/favicon.ico" { return .noContent }
        guard path == "/ui" || path.hasPrefix("/ui/") || path.hasPrefix("/v1/") else {
            return .refuse(status: 404, message: "not found: ecad ui serves /ui/ and /v1/ only")
        }
        let parameters = query.map { $0.split(separator: "&", omittingEmptySubsequences: false) } ?? []
        if let given = parameters.first(where: { $0.hasPrefix("token=") }) {
            guard token.matches(given.dropFirst("token=".count)) else { return .refuse(status: 403, message: Self.tokenMessage) }
            let rest = parameters.filter { !$0.hasPrefix("token=") }.joined(separator: "&")
            return .redirect(
                location: rest.isEmpty ? path : path + "?" + rest,
                setCookie: "\(cookieName)=\(token.value); HttpOnly; SameSite=Strict; Path=/")
        }
        guard cookieToken(head).map({ token.matches($0) }) == true else {
            return .refuse(status: 403, message: Self.tokenMessage)
        }
        return .forward
    }

    /// The value of this policy's cookie in the request's `Cookie` fields, if any.
    private func cookieToken(_ head: HTTPMessageHead) -> Substring? {
        for field in head.values("cookie") {
            for pair in field.split(separator: ";") {
                let trimmed = pair.drop(while: { $0 == " " })
                if trimmed.hasPrefix(cookieName + "=") { return trimmed.dropFirst(cookieName.count + 1) }
            }
        }
        return nil
    }

    /// Splits a request target into path and query.
    private static func split(_ target: String) -> (path: String, query: Substring?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), target[target.index(after: mark)...])
    }
}
