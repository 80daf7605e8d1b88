import ECADAPI
import ECADCore
import ECADStore
import Foundation
import Hummingbird

/// `GET /ui/`: the queue. With no `state` filter it lists every active job and the newest finished ones
/// (`limit`, 200 by default, with a link to more); `user`, `state`, `kind` filter as in `GET /v1/jobs`.
struct QueuePage {
    let store: Store
    /// The daemon's running jobs (their live worker counts).
    let running: RunningJobs
    let viewer: UIViewer

    /// Finished jobs shown when the query gives no limit.
    static let finishedShown = 200

    /// The page for `request`.
    func render(_ request: Request) async throws -> Response {
        var filter = try JobListQuery.filter(request)
        var jobs: [Job]
        var more = ""
        if filter.states == nil {
            let limit = try RequestReading.integer(request, "limit").map { Int(min($0, 1_000_000)) } ?? Self.finishedShown
            filter.states = JobState.active
            filter.limit = Int.max
            jobs = try await store.jobs.list(filter)
            filter.states = Set(JobState.allCases.filter(\.isTerminal))
            filter.limit = limit + 1
            var finished = try await store.jobs.list(filter)
            if finished.count > limit {
                finished.removeFirst()
                more = "<p class=\"note\">Showing the \(limit) newest finished jobs. <a id=\"more-jobs\" href=\"\(moreLink(request, limit: limit * 5))\">Show more</a></p>"
            }
            jobs += finished
        } else {
            jobs = try await store.jobs.list(filter)
        }
        jobs.sort { $0.id.rawValue > $1.id.rawValue }
        let now = Date()
        let rows = jobs.map { row(JobView($0, includeSpec: false, running: running), now: now) }.joined(separator: "\n")
        let body = """
            \(filters(request))
            <table id="jobs">
            <thead><tr><th>id</th><th>name</th><th>kind</th><th>user</th><th>state</th><th>progress</th>\
            <th class="number">workers</th><th class="number">runtime</th><th class="number">ETA</th><th>actions</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            \(jobs.isEmpty ? "<p class=\"note\">No jobs match.</p>" : "")
            \(more)
            """
        return UIPage(kind: "queue", title: "Queue", body: body).response()
    }

    private func row(_ job: JobView, now: Date) -> String {
        let figures = JobFigures(job: job, now: now)
        let owner = HTML.escape(job.ownerName)
        return "<tr data-job-id=\"\(job.id)\" data-state=\"\(job.state.rawValue)\" data-owner=\"\(owner)\">"
            + "<td><a href=\"/ui/jobs/\(job.id)\">\(job.id)</a></td><td>\(HTML.escape(job.name ?? ""))</td>"
            + "<td>\(job.kind.rawValue)</td><td>\(owner)</td><td>\(job.state.rawValue)</td><td>\(figures.progress)</td>"
            + "<td class=\"number\">\(figures.workers)</td><td class=\"number\">\(HTML.duration(figures.runtime))</td>"
            + "<td class=\"number\">\(HTML.duration(figures.eta))</td>"
            + "<td>\(JobActionButtons.html(job: job.id, state: job.state, owner: job.ownerUID, viewer: viewer))</td></tr>"
    }

    /// The filter form (GET back to this page with the same parameters).
    private func filters(_ request: Request) -> String {
        func field(_ name: String, _ label: String, _ hint: String) -> String {
            let value = HTML.escape(RequestReading.query(request, name) ?? "")
            return "<label>\(label) <input name=\"\(name)\" value=\"\(value)\" placeholder=\"\(hint)\" size=\"14\"></label>"
        }
        return "<form class=\"filters\" method=\"get\" action=\"/ui/\">"
            + field("user", "user", "name or uid") + field("state", "state", "RUNNING,PENDING")
            + field("kind", "kind", "search,evaluate") + "<button type=\"submit\">Filter</button></form>"
    }

    private func moreLink(_ request: Request, limit: Int) -> String {
        let kept = ["user", "kind"].compactMap { name in
            RequestReading.query(request, name).map { "\(name)=\(HTML.queryValue($0))" }
        }
        return HTML.escape("/ui/?" + (kept + ["limit=\(limit)"]).joined(separator: "&"))
    }
}
