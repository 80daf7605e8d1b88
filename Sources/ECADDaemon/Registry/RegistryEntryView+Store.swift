import ECADAPI
import ECADCore
import ECADStore
import Foundation

extension RegistryEntryView {
    /// The API view of a stored version; `withSchedule` adds the schedule file (for `show` and `resolve`). An
    /// imported version's provenance is shown only as `{"claimed": ...}`, next to who imported it from which bundle.
    init(_ version: RegistryVersion, aliases: [String], withSchedule: Bool) {
        let metrics = (try? RegistryMetrics(json: version.metricsJSON)).map { metrics in
            var values = ["reward": metrics.reward, "macsRatio": metrics.macsRatio, "speedup": metrics.speedup]
            values["measuredSpeedup"] = metrics.measuredSpeedup
            values["fid"] = metrics.fid
            values["clip"] = metrics.clip
            return values
        }
        let claims = Self.json(version.provenanceJSON)
        let provenance: JSONValue = version.imported == nil ? claims : .object([(key: "claimed", value: claims)])
        self.init(
            digest: version.digest, aliases: aliases.sorted(), modelID: version.modelID,
            weightsDigest: version.weightsDigest, sampler: version.sampler, steps: version.steps,
            resolution: version.resolution, calibrationPromptSetDigest: version.calibrationPromptSetDigest,
            metrics: metrics ?? [:], provenance: provenance,
            imported: version.imported.map {
                Import(uid: $0.uid, user: $0.userName, bundleSha256: $0.bundleSha256, time: $0.time)
            }, createdAt: version.createdAt,
            schedule: withSchedule ? Self.json(version.scheduleJSON) : nil)
    }

    private static func json(_ text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }
}
