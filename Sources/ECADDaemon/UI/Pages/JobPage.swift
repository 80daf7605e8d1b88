import ECADAPI
import ECADCore
import ECADStore
import Foundation
import Hummingbird

/// `GET /ui/jobs/{id}`: a job's header and actions, its kind's section (search progress and front, or an
/// evaluation's results), the event tail and, for its owner and administrators, the log tail.
struct JobPage {
    let daemon: DaemonContext
    let viewer: UIViewer

    /// Events shown (the newest).
    static let eventsShown = 50
    /// Log lines shown (the newest).
    static let logLinesShown = 200

    /// The page of job `id`.
    /// - Throws: ``StoreError/jobNotFound(_:)`` for an unknown job (the route answers 404).
    func render(_ id: JobID) async throws -> Response {
        let stored = try await daemon.store.jobs.job(id)
        let job = JobView(stored, includeSpec: false, running: daemon.running)
        let mayRead = viewer.mayAct(onJobOwnedBy: job.ownerUID)
        var section = ""
        switch job.kind {
        case .search: section = try await SearchJobSection(store: daemon.store, job: job).html()
        case .evaluate:
            section = try await EvaluateJobSection(daemon: daemon, job: job, mayRead: mayRead).html()
        case .generate: section = ""
        }
        let events = try await events(id)
        let logs = try await logs(id, owner: job.ownerName, mayRead: mayRead)
        let body = header(job) + section + events + logs
        let title = "Job \(job.id)" + (job.name.map { ": \($0)" } ?? "")
        var data = [("job-id", "\(job.id)"), ("state", job.state.rawValue)]
        if let generation = job.progress?.generation { data.append(("generation", "\(generation)")) }
        return UIPage(kind: "job", title: title, body: body, data: data).response()
    }

    private func header(_ job: JobView) -> String {
        let figures = JobFigures(job: job, now: Date())
        let reason = job.reason.map { " <span class=\"note\">(\(HTML.escape($0)))</span>" } ?? ""
        var items = [
            ("kind", job.kind.rawValue), ("owner", HTML.escape(job.ownerName)), ("priority", "\(job.priority)"),
            ("submitted", HTML.time(job.submittedAt)), ("runtime", HTML.duration(figures.runtime)),
            ("progress", figures.progress), ("ETA", HTML.duration(figures.eta)),
        ]
        if let ended = job.endedAt { items.insert(("ended", HTML.time(ended)), at: 4) }
        if job.restarts > 0 { items.append(("restarts", "\(job.restarts)")) }
        let list = items.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined()
        let message = job.progress?.message.map { "<p class=\"note\" id=\"job-message\">\(HTML.escape($0))</p>" } ?? ""
        let buttons = JobActionButtons.html(job: job.id, state: job.state, owner: job.ownerUID, viewer: viewer)
        return """
            <p class="job-header">State: <span id="job-state">\(job.state.rawValue)</span>\(reason) \(buttons)</p>
            <dl class="job-facts">\(list)</dl>
            \(message)
            """
    }

    private func events(_ id: JobID) async throws -> String {
        let events = try await daemon.store.jobs.events(job: id, limit: 100_000).suffix(Self.eventsShown)
        let items = events.map { event in
            let from = event.from.map { "\($0.rawValue) → " } ?? ""
            let reason = event.reason.map { " (\(HTML.escape($0.rawValue)))" } ?? ""
            let actor = event.actorUID.map { " by uid \($0)" } ?? ""
            return "<li>\(HTML.time(event.time)) \(from)\(event.to.rawValue)\(reason)\(actor)</li>"
        }
        return "<h2>Events</h2>\n<ol id=\"events\">\(items.joined())</ol>\n"
    }

    private func logs(_ id: JobID, owner: String, mayRead: Bool) async throws -> String {
        guard mayRead else {
            return "<h2>Log</h2>\n<p class=\"note\" id=\"log-note\">The log of this job is readable by its owner "
                + "(\(HTML.escape(owner))) and administrators only.</p>\n"
        }
        let lines = try await daemon.store.logs.tail(job: id, count: Self.logLinesShown)
        let text = lines.map { HTML.escape("\(HTML.time($0.time)) \($0.stream.rawValue): \($0.text)") }.joined(separator: "\n")
        return "<h2>Log</h2>\n<pre id=\"log\">\(text)</pre>\n"
    }
}
