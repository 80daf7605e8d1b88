import ECADCore
import Foundation

/// A published schedule version (`GET /v1/registry/...`).
public struct RegistryEntryView: Codable, Sendable, Hashable {
    /// The version's digest (sha256 of the schedule's canonical encoding).
    public var digest: String
    /// Aliases pointing at it, e.g. `pixart-alpha-256/fast`.
    public var aliases: [String]
    /// The model id.
    public var modelID: String
    /// sha256 of the model weights.
    public var weightsDigest: String
    /// The sampler and its settings.
    public var sampler: String
    /// Denoising steps.
    public var steps: Int
    /// Image resolution (square side, pixels).
    public var resolution: Int
    /// The calibration prompt set's digest.
    public var calibrationPromptSetDigest: String
    /// Metrics by name (`reward`, `macsRatio`, `speedup`, `fid`, `clip`).
    public var metrics: [String: Double]
    /// Where it came from (job id, generation, seed, software version).
    public var provenance: JSONValue
    /// When it was published.
    public var createdAt: Date
    /// The schedule file itself (`ecad.schedule/v1`), in `show`; absent in listings.
    public var schedule: JSONValue?

    /// Describes an entry.
    public init(
        digest: String, aliases: [String], modelID: String, weightsDigest: String, sampler: String, steps: Int,
        resolution: Int, calibrationPromptSetDigest: String, metrics: [String: Double], provenance: JSONValue,
        createdAt: Date, schedule: JSONValue? = nil
    ) {
        self.digest = digest
        self.aliases = aliases
        self.modelID = modelID
        self.weightsDigest = weightsDigest
        self.sampler = sampler
        self.steps = steps
        self.resolution = resolution
        self.calibrationPromptSetDigest = calibrationPromptSetDigest
        self.metrics = metrics
        self.provenance = provenance
        self.createdAt = createdAt
        self.schedule = schedule
    }
}
