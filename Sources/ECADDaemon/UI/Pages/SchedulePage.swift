import ECADCore
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /ui/schedules/{digest}` (and its `/download?format=ecad|reference`): a schedule's heat map, metrics,
/// provenance and downloads. `?job=ID` looks the digest up in a search job's population instead of the registry.
struct SchedulePage {
    let daemon: DaemonContext

    /// The page.
    func render(digest: String, job: String?) async throws -> Response {
        let found = try await ScheduleLookup(daemon: daemon).find(digest: digest, job: job)
        let schedule = found.document.schedule
        let hex = schedule.digest.hex
        let metrics = found.metrics.map { "<tr><th>\(HTML.escape($0.0))</th><td class=\"number\">\(HTML.escape($0.1))</td></tr>" }
            .joined()
        let provenance = String(decoding: JSONWriter.encode(found.provenance, style: .python(indent: 2)), as: UTF8.self)
        let suffix = job.map { "&job=\(HTML.queryValue($0))" } ?? ""
        let download = "/ui/schedules/\(hex)/download?format="
        let body = """
            <p>\(HTML.escape(found.origin)). Model <b>\(HTML.escape(found.document.model))</b>, \(schedule.steps) steps, \
            \(schedule.blocks) blocks; computes \(schedule.computeCount) of \(schedule.bitCount) component-steps.</p>
            <p>Digest <code id="schedule-digest">\(hex)</code></p>
            <p><a id="download-ecad" download href="\(HTML.escape(download + "ecad" + suffix))">Download (ecad JSON)</a> · \
            <a id="download-reference" download href="\(HTML.escape(download + "reference" + suffix))">Download (reference JSON)</a></p>
            <h2>What is computed when</h2>
            \(ScheduleHeatmap(schedule: schedule).svg())
            <h2>Metrics</h2>
            <table id="schedule-metrics">\(metrics)</table>
            <h2>Provenance</h2>
            <pre id="provenance">\(HTML.escape(provenance))</pre>
            """
        return UIPage(kind: "schedule", title: "Schedule \(schedule.digest.short)", body: body, data: [("digest", hex)])
            .response()
    }

    /// The schedule as an attachment in `format` (`ecad` or `reference`).
    func download(digest: String, job: String?, format: String?) async throws -> Response {
        guard let format = format.flatMap(ScheduleFile.Format.init(rawValue:)) else {
            throw APIFailure.badRequest("query parameter format must be ecad or reference", field: "format")
        }
        let document = try await ScheduleLookup(daemon: daemon).find(digest: digest, job: job).document
        let bytes = format == .ecad ? document.fileBytes : ReferenceSchedule(document: document).jsonBytes
        let name = "\(document.digest.short).\(format.rawValue).json"
        return UIPage.response(
            status: .ok, contentType: "application/json", bytes: bytes,
            extra: [.contentDisposition: "attachment; filename=\"\(name)\""])
    }
}
