import ECADCore

/// Everything ``Registry/publish(front:by:)`` needs from a finished search.
public struct FrontPublication: Sendable, Hashable {
    /// The registry name, e.g. `shapes32/quick` (from the spec's name, or `<model>/job-<id>`).
    public var name: String
    /// The model id.
    public var modelID: String
    /// sha256 of the model weights.
    public var weightsDigest: String
    /// The sampler, e.g. `dpm-solver++2m/cfg4.5`.
    public var sampler: String
    /// Denoising steps.
    public var steps: Int
    /// Square image side in pixels.
    public var resolution: Int
    /// The calibration prompt set's digest.
    public var calibrationPromptSetDigest: String
    /// The uncached schedule's reward on the same prompts (the `fastest` rule's reference).
    public var uncachedReward: Double
    /// The search job.
    public var jobID: JobID?
    /// The search's seed.
    public var seed: UInt64?
    /// The ecad version publishing it.
    public var softwareVersion: String
    /// The front.
    public var members: [FrontMember]

    /// Describes a publication.
    public init(
        name: String, modelID: String, weightsDigest: String, sampler: String, steps: Int, resolution: Int,
        calibrationPromptSetDigest: String, uncachedReward: Double, jobID: JobID?, seed: UInt64?,
        softwareVersion: String, members: [FrontMember]
    ) {
        self.name = name
        self.modelID = modelID
        self.weightsDigest = weightsDigest
        self.sampler = sampler
        self.steps = steps
        self.resolution = resolution
        self.calibrationPromptSetDigest = calibrationPromptSetDigest
        self.uncachedReward = uncachedReward
        self.jobID = jobID
        self.seed = seed
        self.softwareVersion = softwareVersion
        self.members = members
    }

    /// The registry version of `member`.
    func version(of member: FrontMember) -> RegistryVersion {
        let provenance = RegistryProvenance(
            jobID: jobID.map { Int64($0.rawValue) }, generation: member.generation, seed: seed,
            softwareVersion: softwareVersion)
        return RegistryVersion(
            digest: member.document.digest.hex, scheduleJSON: String(decoding: member.document.fileBytes, as: UTF8.self),
            modelID: modelID, weightsDigest: weightsDigest, sampler: sampler, steps: steps, resolution: resolution,
            calibrationPromptSetDigest: calibrationPromptSetDigest, metricsJSON: member.metrics.json,
            provenanceJSON: provenance.json, jobID: jobID)
    }
}
