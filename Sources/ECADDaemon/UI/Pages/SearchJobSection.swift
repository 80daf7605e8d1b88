import ECADAPI
import ECADCore
import ECADStore

/// A search job's part of its page: the progress figures, hypervolume and best reward per generation, and the
/// current front (reward against MAC fraction and against measured speedup), all from its newest checkpoint.
struct SearchJobSection {
    let store: Store
    let job: JobView

    /// The section's HTML.
    /// - Throws: ``DaemonError/configuration(_:)`` for an unreadable checkpoint.
    func html() async throws -> String {
        let id = try JobID(job.id)
        let progress = job.progress
        var html = """
            <h2>Search</h2>
            <div class="figures">
            <div class="figure">generation <b data-progress="generation">\(progress?.generation.map(String.init) ?? "–")</b></div>
            <div class="figure">candidates evaluated <b id="candidates-evaluated" data-progress="evaluations">\(progress?.evaluations.map(String.init) ?? "–")</b></div>
            <div class="figure">cache hits <b id="cache-hits" data-progress="cacheHits">\(progress?.cacheHits.map(String.init) ?? "–")</b></div>
            <div class="figure">best reward <b data-progress="bestReward">\(HTML.number(progress?.bestReward, digits: 4))</b></div>
            <div class="figure">hypervolume <b data-progress="hypervolume">\(HTML.number(progress?.hypervolume, digits: 4))</b></div>
            </div>

            """
        guard let data = try await store.checkpoints.latest(job: id)?.state else {
            return html + "<p class=\"note\">No generation has finished yet: the plots appear after the first checkpoint.</p>\n"
        }
        let checkpoint = try SearchCheckpoint.decode(data)
        let front = checkpoint.view(job: job.id)
        let history = checkpoint.history ?? [GenerationFigures(
            generation: checkpoint.state.generation, hypervolume: checkpoint.hypervolume,
            bestReward: front.members.first?.metrics["reward"], evaluations: 0, cacheHits: 0)]
        let plot = FrontPlot(front: front, uncachedLatency: Self.uncachedLatency(checkpoint))
        html += "<h2>Progress</h2>\n<div class=\"plots\">\(ProgressPlot(history: history).svg())</div>\n"
        html += "<h2>Front (generation \(front.generation), \(front.members.count) members)</h2>\n"
        let speedup = plot.speedupPlot()
        html += "<div class=\"plots\">\(plot.macPlot())\(speedup ?? "")</div>\n"
        if speedup == nil {
            html += "<p class=\"note\">No measured speedup: the search measured no latency for the uncached schedule.</p>\n"
        }
        html += "<p class=\"note\">Hover a point for its digest and metrics; click it to open the schedule.</p>\n"
        return html
    }

    /// The measured seconds per image of the all-compute schedule (MAC fraction 1), when the population has it.
    static func uncachedLatency(_ checkpoint: SearchCheckpoint) -> Double? {
        checkpoint.metrics.values.filter { $0.macFraction >= 1 && $0.latencySeconds > 0 }.map(\.latencySeconds).min()
    }
}
