import Foundation

/// The machine-readable form of an evaluation (`table.json`).
extension EvaluationReport {
    /// One row with its derived numbers; nil fields are left out of the JSON (not measured).
    public struct JSONRow: Sendable, Equatable, Codable {
        /// The measured row.
        public var row: EvaluationRow
        /// Reward − baseline reward.
        public var rewardDelta: Double?
        /// Baseline MACs / row MACs.
        public var macsSpeedup: Double?
        /// Baseline latency / row latency.
        public var measuredSpeedup: Double?
    }

    /// The whole document: title, goal thresholds, the baseline digest, rows, goals and the text table.
    public struct JSONDocument: Sendable, Equatable, Codable {
        /// The report title.
        public var title: String
        /// Goal 1's speedup.
        public var targetSpeedup: Double
        /// Goal 1's reward tolerance.
        public var rewardTolerance: Double
        /// The uncached row's digest, when measured.
        public var baselineDigest: String?
        /// Every row.
        public var rows: [JSONRow]
        /// The goals.
        public var goals: [EvaluationGoal]
        /// The formatted table (same cells as table.txt and table.csv).
        public var table: ResultTable
    }

    /// The document ``json()`` encodes.
    public var document: JSONDocument {
        JSONDocument(
            title: title, targetSpeedup: targetSpeedup, rewardTolerance: rewardTolerance, baselineDigest: baseline?.digest,
            rows: rows.map { row in
                JSONRow(row: row, rewardDelta: rewardDelta(row), macsSpeedup: macsSpeedup(row), measuredSpeedup: measuredSpeedup(row))
            },
            goals: goals, table: table())
    }

    /// Pretty-printed JSON with sorted keys; non-finite numbers are written as the strings `inf`, `-inf`, `nan`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(document)
    }
}
