import ECADCore
import Foundation

/// An immutable published schedule, named by its digest.
public struct RegistryVersion: Sendable, Hashable {
    /// sha256 of the schedule's canonical encoding (the version's name).
    public var digest: String
    /// The schedule file, canonical JSON text (`ecad.schedule/v1`).
    public var scheduleJSON: String
    /// The model id, e.g. `shapes32` or `pixart-alpha-256`.
    public var modelID: String
    /// sha256 of the model weights.
    public var weightsDigest: String
    /// The sampler and its settings.
    public var sampler: String
    /// Denoising steps.
    public var steps: Int
    /// Image resolution in pixels (square side).
    public var resolution: Int
    /// The calibration prompt set's digest.
    public var calibrationPromptSetDigest: String
    /// Metrics as JSON text (reward, MACs ratio, speedup, FID/CLIP where evaluated); for an imported version,
    /// what the bundle claimed.
    public var metricsJSON: String
    /// Provenance as JSON text (job id, generation, seed, software version); for an imported version, what the
    /// bundle claimed.
    public var provenanceJSON: String
    /// The job that published it, if any.
    public var jobID: JobID?
    /// When it was published (set by the store).
    public var createdAt: Date
    /// Set when the version came from a bundle rather than a job of this daemon (set by the store).
    public var imported: RegistryImport?

    /// Describes a version.
    public init(
        digest: String, scheduleJSON: String, modelID: String, weightsDigest: String, sampler: String, steps: Int,
        resolution: Int, calibrationPromptSetDigest: String, metricsJSON: String, provenanceJSON: String,
        jobID: JobID?, createdAt: Date = Date(timeIntervalSince1970: 0), imported: RegistryImport? = nil
    ) {
        self.digest = digest
        self.scheduleJSON = scheduleJSON
        self.modelID = modelID
        self.weightsDigest = weightsDigest
        self.sampler = sampler
        self.steps = steps
        self.resolution = resolution
        self.calibrationPromptSetDigest = calibrationPromptSetDigest
        self.metricsJSON = metricsJSON
        self.provenanceJSON = provenanceJSON
        self.jobID = jobID
        self.createdAt = createdAt
        self.imported = imported
    }
}
