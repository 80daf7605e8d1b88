import ECADCore
import Foundation

/// A published schedule version (`GET /v1/registry/...`).
public struct RegistryEntryView: Codable, Sendable, Hashable {
    /// How an imported version came in (docs/registry.md, "Provenance of imports").
    public struct Import: Codable, Sendable, Hashable {
        /// The importer's uid (absent for versions imported before this was recorded).
        public var uid: UInt32?
        /// The importer's user name (absent when unknown).
        public var user: String?
        /// sha256 of the bundle's `manifest.json` (absent when unknown).
        public var bundleSha256: String?
        /// When it was imported.
        public var time: Date

        /// Describes an import.
        public init(uid: UInt32?, user: String?, bundleSha256: String?, time: Date) {
            self.uid = uid
            self.user = user
            self.bundleSha256 = bundleSha256
            self.time = time
        }
    }

    /// Where the version came from.
    public enum Origin: String, Codable, Sendable, Hashable {
        /// A job of this daemon published it: its metrics and provenance are the daemon's own.
        case job
        /// Imported from a bundle: its metrics and provenance are only what the bundle claimed.
        case `import`
    }

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
    /// Metrics by name (`reward`, `macsRatio`, `speedup`, `fid`, `clip`); claimed by the bundle when imported.
    public var metrics: [String: Double]
    /// Where it came from (job id, generation, seed, software version); for an imported version
    /// `{"claimed": ...}`, what the bundle said, never the daemon's own record.
    public var provenance: JSONValue
    /// A job of this daemon, or an import.
    public var origin: Origin
    /// Who imported it, from which bundle, when (imports only).
    public var imported: Import?
    /// When it was published.
    public var createdAt: Date
    /// The schedule file itself (`ecad.schedule/v1`), in `show`; absent in listings.
    public var schedule: JSONValue?

    /// Describes an entry.
    public init(
        digest: String, aliases: [String], modelID: String, weightsDigest: String, sampler: String, steps: Int,
        resolution: Int, calibrationPromptSetDigest: String, metrics: [String: Double], provenance: JSONValue,
        imported: Import? = nil, createdAt: Date, schedule: JSONValue? = nil
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
        self.origin = imported == nil ? .job : .import
        self.imported = imported
        self.createdAt = createdAt
        self.schedule = schedule
    }
}
