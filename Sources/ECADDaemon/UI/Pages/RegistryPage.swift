import ECADStore
import Foundation
import Hummingbird

/// `GET /ui/registry`: every registry version under each name it is published as (one row per version and
/// name; unnamed versions once), with its aliases, metrics and origin, then each shown name's alias history.
/// Query filters: `model`, `name` (exact), `min_speedup`, `min_reward` (both may be given; a row must meet each).
struct RegistryPage {
    let registry: Registry

    private struct Row {
        var version: RegistryVersion
        var name: String?
        var metrics: RegistryMetrics
    }

    /// The page for `request`.
    func render(_ request: Request) async throws -> Response {
        let model = RequestReading.query(request, "model").flatMap { $0.isEmpty ? nil : $0 }
        let nameFilter = RequestReading.query(request, "name").flatMap { $0.isEmpty ? nil : $0 }
        let minSpeedup = try threshold(request, "min_speedup")
        let minReward = try threshold(request, "min_reward")
        let aliases = try await registry.aliases()
        var namesByDigest: [String: [String]] = [:]
        for (name, digests) in try await registry.names() {
            for digest in digests { namesByDigest[digest, default: []].append(name) }
        }
        var rows: [Row] = []
        for version in try await registry.versions(modelID: model) {
            let metrics = try RegistryMetrics(json: version.metricsJSON)
            guard metrics.speedup >= (minSpeedup ?? -.infinity), metrics.reward >= (minReward ?? -.infinity) else { continue }
            let names: [String?] = namesByDigest[version.digest].map { $0.sorted().map(Optional.some) } ?? [nil]
            for name in names where nameFilter == nil || name == nameFilter {
                rows.append(Row(version: version, name: name, metrics: metrics))
            }
        }
        rows.sort { ($0.version.modelID, $0.name ?? "", -$0.metrics.reward) < ($1.version.modelID, $1.name ?? "", -$1.metrics.reward) }
        var aliasesByDigest: [String: [String]] = [:]
        for (alias, digest) in aliases { aliasesByDigest[digest, default: []].append(alias) }
        let history = try await history(names: Set(rows.compactMap(\.name)), aliases: aliases)
        let body = filters(request) + table(rows, aliases: aliasesByDigest) + history
        return UIPage(kind: "registry", title: "Registry", body: body).response()
    }

    private func threshold(_ request: Request, _ name: String) throws -> Double? {
        guard let text = RequestReading.query(request, name), !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw APIFailure.badRequest("\(name) must be a number, got \(text.prefix(32))", field: name)
        }
        return value
    }

    private func table(_ rows: [Row], aliases: [String: [String]]) -> String {
        let lines = rows.map { row in
            let digest = HTML.escape(row.version.digest), name = HTML.escape(row.name ?? "")
            let shown = (aliases[row.version.digest] ?? []).filter { alias in row.name.map { alias.hasPrefix($0 + "@") } ?? true }
            return "<tr data-digest=\"\(digest)\" data-name=\"\(name)\"><td>\(HTML.escape(row.version.modelID))</td>"
                + "<td>\(name)</td><td><a href=\"/ui/schedules/\(digest)\"><code>\(HTML.escape(String(row.version.digest.prefix(12))))</code></a></td>"
                + "<td>\(HTML.escape(shown.sorted().joined(separator: ", ")))</td>"
                + "<td class=\"number\">\(HTML.number(row.metrics.reward, digits: 4))</td>"
                + "<td class=\"number\">\(HTML.number(row.metrics.speedup, digits: 2))×</td>"
                + "<td class=\"number\">\(HTML.number(row.metrics.macsRatio, digits: 3))</td>"
                + "<td>\(row.version.imported == nil ? "job" + (row.version.jobID.map { " <a href=\"/ui/jobs/\($0)\">\($0)</a>" } ?? "") : "import")</td></tr>"
        }.joined(separator: "\n")
        return """
            <table id="registry">
            <thead><tr><th>model</th><th>name</th><th>version</th><th>aliases</th><th class="number">reward</th>\
            <th class="number">speedup</th><th class="number">MACs (fraction)</th><th>origin</th></tr></thead>
            <tbody>
            \(lines)
            </tbody>
            </table>
            \(rows.isEmpty ? "<p class=\"note\">No registry versions match.</p>" : "")

            """
    }

    /// Each name's alias moves, oldest first.
    private func history(names: Set<String>, aliases: [String: String]) async throws -> String {
        var html = "<h2>Alias history</h2>\n"
        for name in names.sorted() {
            var moves: [AliasMove] = []
            for alias in aliases.keys.filter({ $0.hasPrefix(name + "@") }).sorted() {
                moves += try await registry.history(alias: alias)
            }
            let lines = moves.sorted { $0.time < $1.time }.map { move in
                "<tr><td>\(HTML.time(move.time))</td><td>\(HTML.escape(move.name))</td>"
                    + "<td><code>\(HTML.escape(move.fromDigest.map { String($0.prefix(12)) } ?? "–"))</code></td>"
                    + "<td><code>\(HTML.escape(String(move.toDigest.prefix(12))))</code></td>"
                    + "<td>\(move.actorUID.map { "uid \($0)" } ?? "–")</td></tr>"
            }.joined()
            html += "<h3>\(HTML.escape(name))</h3>\n<table class=\"alias-history\" data-name=\"\(HTML.escape(name))\">"
                + "<thead><tr><th>time</th><th>alias</th><th>from</th><th>to</th><th>by</th></tr></thead><tbody>\(lines)</tbody></table>\n"
        }
        return names.isEmpty ? "" : html
    }

    private func filters(_ request: Request) -> String {
        func field(_ name: String, _ label: String, _ hint: String) -> String {
            let value = HTML.escape(RequestReading.query(request, name) ?? "")
            return "<label>\(label) <input name=\"\(name)\" value=\"\(value)\" placeholder=\"\(hint)\" size=\"12\"></label>"
        }
        return "<form class=\"filters\" method=\"get\" action=\"/ui/registry\">" + field("model", "model", "pixart-sigma")
            + field("name", "name", "team/fast") + field("min_speedup", "min speedup", "2.0")
            + field("min_reward", "min reward", "0.9") + "<button type=\"submit\">Filter</button></form>\n"
    }
}
