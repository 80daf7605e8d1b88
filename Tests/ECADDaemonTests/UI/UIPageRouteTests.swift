@testable import ECADDaemon
import ECADCore
import ECADStore
import Foundation
import Testing

/// Each dashboard route renders with the ids docs/dashboard.md promises, from a store with a finished search.
struct UIPageRouteTests {
    @Test func theQueueListsEveryJobWithItsFigures() async throws {
        let fixture = try await UIPageFixture.make()
        let page = try await fixture.get("/ui/")
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.text.contains("<main id=\"page\" data-page=\"queue\""))
        #expect(page.text.contains("<div id=\"notice\" role=\"status\"></div>"))
        #expect(page.text.contains("href=\"/ui/\"") && page.text.contains("href=\"/ui/registry\""))
        #expect(page.text.contains("<table id=\"jobs\">"))
        #expect(page.text.contains("<tr data-job-id=\"\(fixture.search)\" data-state=\"COMPLETED\" data-owner=\"test\">"))
        #expect(page.text.contains("<tr data-job-id=\"\(fixture.pending)\" data-state=\"PENDING\" data-owner=\"test\">"))
        #expect(page.text.contains("<a href=\"/ui/jobs/\(fixture.search)\">\(fixture.search)</a>"))
        #expect(page.text.contains("<td>images 3/10</td>"))
        let running = try await fixture.get("/ui/?state=PENDING")
        #expect(running.text.occurrences(of: "<tr data-job-id=") == 1)
        let bad = try await fixture.get("/ui/?state=SLEEPING")
        #expect(bad.status == .badRequest)
        #expect(bad.headers[.contentType] == "text/html; charset=utf-8")
        #expect(bad.text.contains("unknown state"))
    }

    @Test func theSearchPageShowsProgressAndOnePointPerFrontMember() async throws {
        let fixture = try await UIPageFixture.make()
        let page = try await fixture.get("/ui/jobs/\(fixture.search)")
        #expect(page.status == .ok)
        #expect(page.text.contains("data-page=\"job\""))
        #expect(page.text.contains("<span id=\"job-state\">COMPLETED</span>"))
        #expect(page.text.contains("<svg id=\"progress-plot\""))
        // One point per generation of the history, kept in the checkpoint.
        #expect(page.text.occurrences(of: "class=\"generation-point\"") == fixture.checkpoint.history?.count)
        let generations = try #require(fixture.checkpoint.history).map(\.generation)
        #expect(generations.count >= 2 && generations == generations.sorted())
        #expect(generations.last == fixture.checkpoint.state.generation)
        #expect(page.text.contains("id=\"candidates-evaluated\"") && page.text.contains("id=\"cache-hits\""))
        let front = try #require(try await FrontReader.view(job: fixture.search, store: fixture.daemon.store))
        #expect(page.text.contains("<svg id=\"front-plot\""))
        #expect(page.text.occurrences(of: "<circle class=\"front-point\"") == front.members.count)
        for member in front.members {
            let digest = member.scheduleDigest
            #expect(page.text.contains("<a href=\"/ui/schedules/\(digest)?job=\(fixture.search)\"><circle class=\"front-point\" data-digest=\"\(digest)\""))
        }
        #expect(page.text.contains("<ol id=\"events\">"))
        #expect(page.text.contains("<pre id=\"log\">"))
        #expect(page.text.contains("generation 1 done &lt;b&gt;"))
    }

    @Test func aSchedulePageShowsEveryCellAndDownloads() async throws {
        let fixture = try await UIPageFixture.make()
        let front = try #require(try await FrontReader.view(job: fixture.search, store: fixture.daemon.store))
        let digest = try #require(front.members.first?.scheduleDigest)
        for path in ["/ui/schedules/\(digest)?job=\(fixture.search)", "/ui/schedules/\(digest.prefix(12))"] {
            let page = try await fixture.get(path)
            #expect(page.status == .ok, "\(path)")
            #expect(page.text.contains("data-page=\"schedule\""))
            // The toy model: 6 steps × 4 blocks × 3 components.
            #expect(page.text.occurrences(of: "<rect ") == 72)
            #expect(page.text.contains("id=\"download-ecad\"") && page.text.contains("id=\"download-reference\""))
        }
        let ecad = try await fixture.get("/ui/schedules/\(digest)/download?format=ecad&job=\(fixture.search)")
        #expect(ecad.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        #expect(try ScheduleFile(bytes: Array(ecad.text.utf8)).document.digest.hex == digest)
        let reference = try await fixture.get("/ui/schedules/\(digest)/download?format=reference")
        let file = try ScheduleFile(bytes: Array(reference.text.utf8), model: "toy")
        #expect(file.format == .reference)
        #expect(file.document.digest.hex == digest)
        #expect(try await fixture.get("/ui/schedules/\(digest)/download?format=xml").status == .badRequest)
    }

    @Test func theRegistryListsVersionsAndFilters() async throws {
        let fixture = try await UIPageFixture.make()
        let versions = try await fixture.daemon.store.registry.versions()
        let page = try await fixture.get("/ui/registry")
        #expect(page.status == .ok)
        #expect(page.text.contains("<table id=\"registry\">"))
        // One row per version and name: every version is under toy/job-1, one also under the hostile name.
        let named = try await fixture.daemon.store.registry.names().values.map(\.count).reduce(0, +)
        #expect(named == versions.count + 1)
        #expect(page.text.occurrences(of: "<tr data-digest=") == named)
        let name = "toy/job-\(fixture.search)"
        #expect(page.text.contains("data-name=\"\(name)\""))
        #expect(page.text.contains("\(name)@quality"))
        #expect(page.text.contains("<table class=\"alias-history\" data-name=\"\(name)\">"))
        let speedups = try versions.map { try RegistryMetrics(json: $0.metricsJSON).speedup }
        let floor = try #require(speedups.sorted().last)
        let filtered = try await fixture.get("/ui/registry?min_speedup=\(floor)")
        #expect(filtered.text.occurrences(of: "<tr data-digest=") >= speedups.filter { $0 >= floor }.count)
        #expect(filtered.text.occurrences(of: "<tr data-digest=") < named)
        #expect(try await fixture.get("/ui/registry?name=nobody/else").text.occurrences(of: "<tr data-digest=") == 0)
    }

    @Test func staticFilesHaveTheirMediaTypes() async throws {
        let fixture = try await UIPageFixture.make()
        let script = try await fixture.get("/ui/static/app.js")
        #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("/v1/jobs/"))
        let style = try await fixture.get("/ui/static/style.css")
        #expect(style.headers[.contentType] == "text/css; charset=utf-8")
        #expect(style.text.contains("#notice"))
        #expect(try await fixture.get("/ui/static/evil.js").status == .notFound)
    }
}
