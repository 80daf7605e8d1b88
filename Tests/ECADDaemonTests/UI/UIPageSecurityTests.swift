@testable import ECADDaemon
import ECADCore
import ECADStore
import Foundation
import Testing

/// The dashboard shows nothing the API would refuse, escapes what users wrote, and runs no inline code.
struct UIPageSecurityTests {
    @Test func hostileNamesAndLogLinesAreEscaped() async throws {
        let fixture = try await UIPageFixture.make()
        for path in ["/ui/", "/ui/jobs/\(fixture.pending)"] {
            let page = try await fixture.get(path)
            #expect(!page.text.contains(UIPageFixture.hostileName), "\(path)")
            #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(path)")
        }
        for path in ["/ui/jobs/\(fixture.search)", "/ui/registry"] {
            let page = try await fixture.get(path)
            #expect(!page.text.contains(UIPageFixture.hostileScript), "\(path)")
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
        }
    }

    @Test func everyPageSendsTheContentSecurityPolicyAndNoInlineCode() async throws {
        let fixture = try await UIPageFixture.make()
        let digest = try #require(fixture.checkpoint.front.first)
        let paths = [
            "/ui/", "/ui/jobs/\(fixture.search)", "/ui/jobs/\(fixture.pending)", "/ui/registry",
            "/ui/schedules/\(digest)?job=\(fixture.search)", "/ui/jobs/999", "/ui/static/app.js",
        ]
        for path in paths {
            let page = try await fixture.get(path)
            #expect(
                page.headers[.contentSecurityPolicy]
                    == "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
                "\(path)")
            #expect(page.text.occurrences(of: "<script") == page.text.occurrences(of: "<script src=\"/ui/static/app.js\""), "\(path)")
            #expect(!page.text.contains(" style=") && !page.text.contains("<style") && !page.text.contains(" onclick"), "\(path)")
            #expect(!page.text.contains("http://") || page.text.contains("xmlns=\"http://www.w3.org/2000/svg\""), "\(path)")
        }
    }

    @Test func anotherUserSeesNoButtonsAndNoLogs() async throws {
        let fixture = try await UIPageFixture.make()
        let owners = try await fixture.get("/ui/jobs/\(fixture.pending)", as: UIPageFixture.owner)
        #expect(owners.text.contains("<button type=\"button\" data-action=\"cancel\" data-job-id=\"\(fixture.pending)\">"))
        #expect(owners.text.contains("data-action=\"hold\"") && !owners.text.contains("data-action=\"release\""))
        let queue = try await fixture.get("/ui/", as: UIPageFixture.owner)
        #expect(queue.text.occurrences(of: "data-action=") == 2)

        for path in ["/ui/", "/ui/jobs/\(fixture.pending)", "/ui/jobs/\(fixture.search)"] {
            let page = try await fixture.get(path, as: UIPageFixture.stranger)
            #expect(page.status == .ok)
            #expect(!page.text.contains("data-action="), "\(path)")
        }
        let search = try await fixture.get("/ui/jobs/\(fixture.search)", as: UIPageFixture.stranger)
        #expect(!search.text.contains("<pre id=\"log\">") && !search.text.contains("generation 1 done"))
        #expect(search.text.contains("id=\"log-note\""))
        // The front is public in the API (GET /v1/jobs/N/front), so it is on the page for everyone.
        #expect(search.text.contains("<svg id=\"front-plot\""))
    }

    @Test func aHeldJobOffersReleaseAndAFinishedOneNothing() {
        let viewer = UIViewer(uid: UIPageFixture.owner, policy: AccessPolicy())
        #expect(JobActionButtons.actions(for: .held) == ["cancel", "release"])
        #expect(JobActionButtons.actions(for: .running) == ["cancel", "hold"])
        #expect(JobActionButtons.html(job: 3, state: .completed, owner: UIPageFixture.owner, viewer: viewer).isEmpty)
        let stranger = UIViewer(uid: UIPageFixture.stranger, policy: AccessPolicy())
        #expect(JobActionButtons.html(job: 3, state: .held, owner: UIPageFixture.owner, viewer: stranger).isEmpty)
    }

    @Test func unknownThingsGetAnHTMLNotFoundPage() async throws {
        let fixture = try await UIPageFixture.make()
        let paths = [
            "/ui/jobs/999", "/ui/schedules/0123456789abcdef", "/ui/schedules/not-hex", "/ui/nothing/here",
            "/ui/schedules/0123456789abcdef?job=\(fixture.search)", "/ui/schedules/0123456789abcdef?job=999",
        ]
        for path in paths {
            let page = try await fixture.get(path)
            #expect(page.status == .notFound, "\(path)")
            #expect(page.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
            #expect(page.text.contains("data-page=\"error\"") && page.text.contains("class=\"error-message\""), "\(path)")
        }
        let api = try await fixture.get("/v1/nothing")
        #expect(api.headers[.contentType] == "application/json")
    }
}
