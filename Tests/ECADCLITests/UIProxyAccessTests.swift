import Testing

@testable import ECADCLI

/// `ecad ui`'s token and access rules: the Host check, the token in the URL and then in the cookie, the paths.
struct UIProxyAccessTests {
    /// A generator that counts, so tokens are the same on every run.
    struct CountingGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return state
        }
    }

    static let token: UIToken = {
        var generator = CountingGenerator(state: 7)
        return UIToken(using: &generator)
    }()
    static let policy = UIAccessPolicy(token: token, address: "127.0.0.1", port: 8765)

    private func head(host: String? = "127.0.0.1:8765", cookie: String? = nil) -> HTTPMessageHead {
        var fields: [(name: String, value: String)] = []
        if let host { fields.append(("Host", host)) }
        if let cookie { fields.append(("Cookie", cookie)) }
        return HTTPMessageHead(startLine: "GET / HTTP/1.1", fields: fields)
    }

    private var cookie: String { "other=1; ecad_ui_8765=\(Self.token.value)" }

    @Test func tokensAre256BitsOfHex() {
        var generator = CountingGenerator(state: 1)
        let first = UIToken(using: &generator)
        let second = UIToken(using: &generator)
        #expect(first.value.count == 64)
        #expect(first.value.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.value != second.value)
        #expect(UIToken.random().value != UIToken.random().value)
    }

    @Test func tokenComparison() {
        let value = Self.token.value
        #expect(Self.token.matches(value))
        #expect(!Self.token.matches(value.dropLast()))
        #expect(!Self.token.matches(value + "0"))
        #expect(!Self.token.matches(""))
        #expect(!Self.token.matches(String(value.dropLast()) + (value.last == "0" ? "1" : "0")))
    }

    @Test func theTokenInTheURLRedirectsWithTheCookie() {
        let decision = Self.policy.decide(target: "/ui/jobs/3?token=\(Self.token.value)&tab=front", head: head())
        #expect(decision == .redirect(
            location: "/ui/jobs/3?tab=front",
            setCookie: "ecad_ui_8765=\(Self.token.value); HttpOnly; SameSite=Strict; Path=/"))
        #expect(Self.policy.decide(target: "/ui/?token=\(Self.token.value)", head: head())
            == .redirect(location: "/ui/", setCookie: "ecad_ui_8765=\(Self.token.value); HttpOnly; SameSite=Strict; Path=/"))
    }

    @Test func aMissingOrWrongTokenIsRefused() {
        let refused = UIAccessPolicy.Decision.refuse(status: 403, message: UIAccessPolicy.tokenMessage)
        #expect(Self.policy.decide(target: "/ui/", head: head()) == refused)
        #expect(Self.policy.decide(target: "/ui/?token=abc", head: head()) == refused)
        #expect(Self.policy.decide(target: "/ui/?token=", head: head(cookie: cookie)) == refused)
        #expect(Self.policy.decide(target: "/v1/jobs", head: head(cookie: "ecad_ui_8765=abc")) == refused)
        #expect(Self.policy.decide(target: "/v1/jobs", head: head(cookie: "ecad_ui_9999=\(Self.token.value)")) == refused)
    }

    @Test func theCookieLetsRequestsThrough() {
        #expect(Self.policy.decide(target: "/ui/", head: head(cookie: cookie)) == .forward)
        #expect(Self.policy.decide(target: "/v1/jobs/4/events?follow=1", head: head(cookie: cookie)) == .forward)
        #expect(Self.policy.decide(target: "/ui/", head: head(host: "LOCALHOST:8765", cookie: cookie)) == .forward)
    }

    @Test func otherHostsAreRefused() {
        for host in ["evil.example:8765", "127.0.0.1:8766", "127.0.0.1", "localhost", "evil.example"] {
            let decision = Self.policy.decide(target: "/ui/", head: head(host: host, cookie: cookie))
            guard case .refuse(403, let message) = decision else {
                Issue.record("Host \(host): \(decision)")
                continue
            }
            #expect(message.contains("Host"))
        }
        #expect(Self.policy.decide(target: "/ui/", head: head(host: nil, cookie: cookie)) != .forward)
        var twice = head(cookie: cookie)
        twice.fields.append(("Host", "evil.example:8765"))
        #expect(Self.policy.decide(target: "/ui/", head: twice) != .forward)
    }

    @Test func otherPathsAreNotFound() {
        #expect(Self.policy.decide(target: "/favicon.ico", head: head()) == .noContent)
        for target in ["/", "/robots.txt", "/v2/jobs", "/uix", "//evil.example/?token=\(Self.token.value)", "http://x/ui/"] {
            guard case .refuse(404, _) = Self.policy.decide(target: target, head: head(cookie: cookie)) else {
                Issue.record("\(target) was not refused with 404")
                continue
            }
        }
    }
}
