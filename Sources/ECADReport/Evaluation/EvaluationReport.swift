import Foundation

/// The result of an `evaluate` job: measured rows, the numbers derived from the uncached baseline, the two goals,
/// and every rendering of them (text/CSV/JSON table, Pareto plot, HTML report). Foundation-only.
///
/// Derived per row, against the baseline (the first row with an ``EvaluationSource/Kind/uncached`` source):
/// - Δreward = reward − baseline reward;
/// - MACs speedup = baseline MACs / row MACs;
/// - measured speedup = baseline latency / row latency.
/// Without a baseline, or when either value is missing, the derived cell is `-`.
public struct EvaluationReport: Sendable {
    /// Title of the plot and the HTML page.
    public var title: String
    /// The rows, baseline first by convention.
    public var rows: [EvaluationRow]
    /// Goal 1's speedup: a front member at least this many times faster (measured) than uncached.
    public var targetSpeedup = 2.0
    /// Goal 1's reward tolerance: its reward at most this much below uncached.
    public var rewardTolerance = 0.02

    /// The column headers of ``table()``, in order.
    public static let columnNames = [
        "source", "label", "digest", "reward", "Δreward", "MACs speedup", "measured speedup", "FID", "PSNR", "SSIM",
        "latency ms/img",
    ]

    /// A report over `rows`.
    public init(title: String, rows: [EvaluationRow]) {
        self.title = title
        self.rows = rows
    }

    /// The uncached row, if it was measured.
    public var baseline: EvaluationRow? { rows.first { $0.has(.uncached) } }

    /// Baseline latency / row latency.
    public func measuredSpeedup(_ row: EvaluationRow) -> Double? {
        ratio(baseline?.latencySeconds, row.latencySeconds)
    }

    /// Baseline MACs / row MACs.
    public func macsSpeedup(_ row: EvaluationRow) -> Double? { ratio(baseline?.macs, row.macs) }

    /// Row reward − baseline reward.
    public func rewardDelta(_ row: EvaluationRow) -> Double? {
        guard let reward = row.reward, let base = baseline?.reward else { return nil }
        return reward - base
    }

    /// One line per row, cells formatted, `-` for what was not measured.
    public func table() -> ResultTable {
        var table = ResultTable(columns: Self.columnNames.enumerated().map { index, name in
            ResultTable.Column(name, alignment: index < 3 ? .left : .right)
        })
        for row in rows {
            let delta = rewardDelta(row).map { ($0 >= 0 ? "+" : "") + ResultTable.number($0, digits: 4) }
            // Cannot fail: the cells match the columns.
            try? table.append([
                row.sourceText, row.labelText, row.shortDigest, Self.cell(row.reward, 4), delta ?? "-",
                Self.cell(macsSpeedup(row), 2, suffix: "x"), Self.cell(measuredSpeedup(row), 2, suffix: "x"),
                Self.cell(row.frechetDistance, 3), Self.cell(row.psnr, 2), Self.cell(row.ssim, 4),
                Self.cell(row.latencySeconds.map { $0 * 1000 }, 2),
            ])
        }
        return table
    }

    /// `value` with `digits` decimals and `suffix`, or `-`.
    static func cell(_ value: Double?, _ digits: Int, suffix: String = "") -> String {
        value.map { ResultTable.number($0, digits: digits) + suffix } ?? "-"
    }

    private func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let numerator, let denominator, denominator > 0, numerator.isFinite, denominator.isFinite else {
            return nil
        }
        return numerator / denominator
    }
}
