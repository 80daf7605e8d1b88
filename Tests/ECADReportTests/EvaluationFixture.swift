@testable import ECADReport

/// Hand-made evaluation rows: uncached (reward 0.80, 100 ms, 100 MMACs), a front, FORA and T-GATE rows.
enum EvaluationFixture {
    static func digest(_ n: Int) -> String { String(repeating: String(n % 10), count: 64) }

    static func row(
        _ n: Int, _ sources: [EvaluationSource], reward: Double?, latency: Double?, macs: Double? = 50e6,
        grid: String? = nil
    ) -> EvaluationRow {
        EvaluationRow(sources: sources, digest: digest(n), reward: reward, macs: macs, latencySeconds: latency, grid: grid)
    }

    static let uncached = row(0, [EvaluationSource(kind: .uncached, label: "uncached")], reward: 0.80, latency: 0.100, macs: 100e6)

    static func front(_ rank: Int) -> EvaluationSource { EvaluationSource(kind: .front, label: "job 3 #\(rank)") }

    static func heuristic(_ label: String) -> EvaluationSource {
        EvaluationSource(kind: .heuristic, label: label, family: String(label.prefix { $0 != ":" }))
    }

    /// Front: #1 1.25x 0.81, #2 2.5x 0.79 (meets goal 1), #3 4x 0.70. FORA n=2 at 2x 0.78 and T-GATE at 1.25x 0.75
    /// are both matched by the front.
    static func report() -> EvaluationReport {
        EvaluationReport(title: "test", rows: [
            uncached,
            row(1, [front(1)], reward: 0.81, latency: 0.080),
            row(2, [front(2)], reward: 0.79, latency: 0.040),
            row(3, [front(3)], reward: 0.70, latency: 0.025),
            row(4, [heuristic("fora:n=2")], reward: 0.78, latency: 0.050),
            row(5, [heuristic("tgate:k=10,sa=1,warmup=2")], reward: 0.75, latency: 0.080),
        ])
    }
}
