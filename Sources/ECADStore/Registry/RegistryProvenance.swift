import Foundation

/// Where a published version came from (stored as JSON in ``RegistryVersion/provenanceJSON``).
public struct RegistryProvenance: Codable, Sendable, Hashable {
    /// The job that found it, as a number.
    public var jobID: Int64?
    /// The search generation it was found in.
    public var generation: Int?
    /// The search's seed.
    public var seed: UInt64?
    /// The ecad version that published it.
    public var softwareVersion: String

    /// Describes provenance.
    public init(jobID: Int64?, generation: Int?, seed: UInt64?, softwareVersion: String) {
        self.jobID = jobID
        self.generation = generation
        self.seed = seed
        self.softwareVersion = softwareVersion
    }

    /// Canonical JSON text (sorted keys).
    public var json: String { RegistryJSON.encode(self) }
}
