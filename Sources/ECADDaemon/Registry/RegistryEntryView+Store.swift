import ECADAPI
import ECADCore
import ECADStore
import Foundation

extension RegistryEntryView {
    /// The API view of a stored version; `withSchedule` adds the schedule file (for `show` and `resolve`).
    init(_ version: RegistryVersion, aliases: [String], withSchedule: Bool) {
        let metrics = (try? RegistryMetrics(json: version.metricsJSON)).map { metrics in
            var values = ["reward": metrics.reward, "macsRatio": metrics.macsRatio, "speedup": metrics.speedup]
            values["measuredSpeedup"] = metrics.measuredSpeedup
            values["fid"] = metrics.fid
            values["clip"] = metrics.clip
            return values
        }
        self.init(
            digest: version.digest, aliases: aliases.sorted(), modelID: version.modelID,
            weightsDigest: version.weightsDigest, sampler: version.sampler, steps: version.steps,
            resolution: version.resolution, calibrationPromptSetDigest: version.calibrationPromptSetDigest,
            metrics: metrics ?? [:], provenance: Self.json(version.provenanceJSON), createdAt: version.createdAt,
            schedule: withSchedule ? Self.json(version.scheduleJSON) : nil)
    }

    private static func json(_ text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }
}
