import ECADCore
import ECADStore
import Foundation

/// Sample records for tests.
enum Fixtures {
    static func key(schedule: String = "s1", seeds: [UInt64] = [1, 2, UInt64.max]) -> EvaluationKey {
        EvaluationKey(
            modelDigest: "m1", scheduleDigest: schedule, promptSetDigest: "p1", seeds: seeds,
            sampler: "dpm-solver++2m/20/cfg4.5", metricVersions: ["reward": "shapes-1", "latency": "1"])
    }

    static func evaluation(schedule: String = "s1", job: JobID? = nil) -> Evaluation {
        Evaluation(
            key: key(schedule: schedule), metricsJSON: #"{"reward":0.75}"#, perPromptRewards: [0.5, 1, 0.1 + 0.2],
            macs: 123_456_789_012, latencySeconds: 0.25, jobID: job)
    }

    static func version(digest: String, model: String = "shapes32") -> RegistryVersion {
        RegistryVersion(
            digest: digest, scheduleJSON: #"{"format":"ecad.schedule/v1"}"#, modelID: model, weightsDigest: "w1",
            sampler: "dpm-solver++2m", steps: 20, resolution: 32, calibrationPromptSetDigest: "p1",
            metricsJSON: #"{"reward":0.8}"#, provenanceJSON: #"{"job":1}"#, jobID: nil)
    }

    static func artifact(path: String) -> Artifact {
        Artifact(kind: "front", relativePath: path, sha256: String(repeating: "ab", count: 32), bytes: 42)
    }
}
