/// `versions/DIGEST.json` in a bundle: a version's fields except the schedule, which is `schedules/DIGEST.json`.
struct BundleVersionRecord: Codable, Sendable, Hashable {
    var digest: String
    var modelID: String
    var weightsDigest: String
    var sampler: String
    var steps: Int
    var resolution: Int
    var calibrationPromptSetDigest: String
    /// Metrics as JSON text (see ``RegistryMetrics``).
    var metrics: String
    /// Provenance as JSON text (see ``RegistryProvenance``).
    var provenance: String

    init(_ version: RegistryVersion) {
        digest = version.digest
        modelID = version.modelID
        weightsDigest = version.weightsDigest
        sampler = version.sampler
        steps = version.steps
        resolution = version.resolution
        calibrationPromptSetDigest = version.calibrationPromptSetDigest
        metrics = version.metricsJSON
        provenance = version.provenanceJSON
    }

    /// The version, with `scheduleJSON` from the bundle's schedule file (the job id is not carried across stores).
    func version(scheduleJSON: String) -> RegistryVersion {
        RegistryVersion(
            digest: digest, scheduleJSON: scheduleJSON, modelID: modelID, weightsDigest: weightsDigest,
            sampler: sampler, steps: steps, resolution: resolution,
            calibrationPromptSetDigest: calibrationPromptSetDigest, metricsJSON: metrics, provenanceJSON: provenance,
            jobID: nil)
    }
}

/// `aliases.json` in a bundle: names with their versions, and aliases with their targets.
struct BundleAliases: Codable, Sendable, Hashable {
    var names: [String: [String]]
    var aliases: [String: String]
}
