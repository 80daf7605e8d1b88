import ECADAPI
import ECADCore
import ECADReport
import Foundation

/// An evaluate job's part of its page, for its owner and administrators (the API serves artifact files to them
/// only): the result table, the plot, and each schedule's image grid next to the uncached grid. Images load
/// through `GET /v1/jobs/N/artifacts/file`, which checks the same rule again.
struct EvaluateJobSection {
    let daemon: DaemonContext
    let job: JobView
    /// Whether the viewer may read the job's artifacts.
    let mayRead: Bool

    /// The section's HTML.
    func html() async throws -> String {
        guard mayRead else {
            return "<h2>Results</h2>\n<p class=\"note\" id=\"results-note\">The results of this evaluation (table, plot, "
                + "images) are readable by its owner (\(HTML.escape(job.ownerName))) and administrators only.</p>\n"
        }
        guard let report = try await document() else {
            return "<h2>Results</h2>\n<p class=\"note\">No results yet: the table appears when the evaluation has finished.</p>\n"
        }
        var html = "<h2>Results</h2>\n" + table(report.table)
        html += "<div class=\"plots\"><img id=\"evaluate-plot\" alt=\"reward against speedup\" src=\"\(file("pareto.svg"))\"></div>\n"
        let grids = report.rows.compactMap { row in row.row.grid.map { (row.row, $0) } }
        guard let uncached = grids.first(where: { $0.0.has(.uncached) }) else { return html }
        html += "<h2>Images</h2>\n<p class=\"note\">Each schedule's grid (rows = prompts, columns = seeds) next to the uncached grid.</p>\n"
        for (row, grid) in grids where !row.has(.uncached) {
            html += "<div class=\"grids\">" + figure(row.labelText, grid) + figure("uncached", uncached.1) + "</div>\n"
        }
        return html
    }

    /// `table.json` of the job, when it recorded one.
    private func document() async throws -> EvaluationReport.JSONDocument? {
        let id = try JobID(job.id)
        guard try await daemon.store.artifacts.artifact(job: id, path: "table.json") != nil else { return nil }
        let url = daemon.configuration.artifactDirectory(job: job.id).appendingPathComponent("table.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(EvaluationReport.JSONDocument.self, from: data)
    }

    private func table(_ table: ResultTable) -> String {
        let head = table.columns.enumerated().map { index, column in
            "<th\(table.isRightAligned(index) ? " class=\"number\"" : "")>\(HTML.escape(column.name))</th>"
        }.joined()
        let rows = table.rows.map { cells in
            "<tr>" + cells.enumerated().map { index, cell in
                "<td\(table.isRightAligned(index) ? " class=\"number\"" : "")>\(HTML.escape(cell))</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table id=\"results\"><thead><tr>\(head)</tr></thead><tbody>\n\(rows)\n</tbody></table>\n"
    }

    private func figure(_ caption: String, _ path: String) -> String {
        "<figure><img src=\"\(file(path))\" alt=\"\(HTML.escape(caption))\"><figcaption>\(HTML.escape(caption))</figcaption></figure>"
    }

    private func file(_ path: String) -> String {
        HTML.escape("/v1/jobs/\(job.id)/artifacts/file?path=\(HTML.queryValue(path))")
    }
}
