import ECADCore
import ECADReport
import ECADWorkerProtocol
import Foundation

/// The one `evaluate` request of an evaluate job and the rows its answer gives.
///
/// Only what the spec's `metrics` asks for is requested: `fid` sets `frechetReference = "prompts"`, `psnr`/`ssim`
/// set `baselineIndex` (the uncached candidate), `latency` sets `latencyRepeats`; `imageDirectory` is always set
/// so grids exist. Metrics not asked for are left out of the rows (shown as `-`), and so are fields the worker
/// did not return.
package struct EvaluateMeasurement {
    /// The spec.
    package let spec: EvaluateSpec
    /// The benchmark prompts.
    package let prompts: [String]
    /// The distinct candidates, in request order.
    package let candidates: [EvaluateCandidate]
    /// The folder the worker writes images into (`<artifacts>/images`).
    package let imageDirectory: URL

    /// The index of the uncached candidate, if any.
    package var baselineIndex: Int? { candidates.firstIndex { $0.sources.contains { $0.kind == .uncached } } }

    private func wants(_ metric: EvaluateSpec.Metric) -> Bool { spec.metrics.contains(metric) }

    /// The request.
    package var request: EvaluateRequest {
        let wire = candidates.map { candidate in
            WireSchedule(
                steps: candidate.schedule.steps, blocks: candidate.schedule.blocks,
                components: (candidate.schedule.layout.groups.first?.type.components ?? []).map(\.rawValue),
                bits: candidate.schedule.base64Bits)
        }
        let setup = spec.setup.sampler
        return EvaluateRequest(
            schedules: wire, prompts: prompts, seeds: spec.setup.seeds.map { UInt64($0) },
            sampler: SamplerSettings(name: setup.name, steps: setup.steps, guidance: setup.guidance),
            baselineIndex: wants(.psnr) || wants(.ssim) ? baselineIndex : nil,
            frechetReference: wants(.fid) ? "prompts" : nil,
            latencyRepeats: wants(.latency) ? spec.latencyRepeats : nil,
            imageDirectory: imageDirectory.path)
    }

    /// Job log lines for asked-for metrics this request cannot give.
    package var unavailableNotes: [String] {
        var notes: [String] = []
        if wants(.clip) { notes.append("metric clip: not measured by the \(spec.setup.model) worker (shown as -)") }
        if wants(.psnr) || wants(.ssim), baselineIndex == nil {
            notes.append("metrics psnr/ssim: need the uncached baseline (include_baseline = true); shown as -")
        }
        return notes
    }

    /// One row per candidate (request order).
    /// - Throws: ``DaemonError/workerProtocol(_:)`` when the answer lacks a candidate, or a grid path leaves the
    ///   image folder.
    package func rows(_ result: EvaluateResult) throws(DaemonError) -> [EvaluationRow] {
        var byIndex: [Int: EvaluateResult.Evaluation] = [:]
        for evaluation in result.evaluations { byIndex[evaluation.index] = evaluation }
        return try candidates.enumerated().map { index, candidate throws(DaemonError) in
            guard let evaluation = byIndex[index] else {
                throw .workerProtocol("the evaluate result lacks schedule \(index)")
            }
            let reward = evaluation.rewards.isEmpty ? nil : evaluation.rewards.reduce(0, +) / Double(evaluation.rewards.count)
            return EvaluationRow(
                sources: candidate.sources, digest: candidate.digest.hex, reward: wants(.reward) ? reward : nil,
                macs: wants(.macs) ? evaluation.macs : nil,
                latencySeconds: wants(.latency) ? evaluation.latencySeconds : nil,
                frechetDistance: wants(.fid) ? evaluation.frechetDistance : nil,
                psnr: wants(.psnr) ? evaluation.psnr : nil, ssim: wants(.ssim) ? evaluation.ssim : nil,
                grid: try evaluation.grid.map { grid throws(DaemonError) in try Self.imagePath(grid) })
        }
    }

    /// Job log lines for asked-for metrics the worker did not return for any row.
    package func missingNotes(_ rows: [EvaluationRow]) -> [String] {
        let checks: [(EvaluateSpec.Metric, (EvaluationRow) -> Double?)] = [
            (.fid, \.frechetDistance), (.psnr, \.psnr), (.ssim, \.ssim),
        ]
        return checks.compactMap { metric, value in
            guard wants(metric), !(metric != .fid && baselineIndex == nil), rows.allSatisfy({ value($0) == nil }) else {
                return nil
            }
            return "metric \(metric.rawValue): the worker returned no values (shown as -)"
        }
    }

    /// `images/<path>` for a worker path relative to the image folder.
    /// - Throws: ``DaemonError/workerProtocol(_:)`` for an absolute path or one with `..`.
    package static func imagePath(_ relative: String) throws(DaemonError) -> String {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            throw .workerProtocol("image path \(relative) is outside the image folder")
        }
        return "images/" + relative
    }
}
