import Foundation

/// The measured quality and cost of a published version (stored as JSON in ``RegistryVersion/metricsJSON``).
public struct RegistryMetrics: Codable, Sendable, Hashable {
    /// Mean reward on the calibration prompts, in [0, 1].
    public var reward: Double
    /// MACs of the cached run divided by MACs of the uncached run, in (0, 1].
    public var macsRatio: Double
    /// Measured wall-clock speedup over the uncached run, where measured.
    public var measuredSpeedup: Double?
    /// Fréchet distance to the reference set, where evaluated.
    public var fid: Double?
    /// CLIP score, where evaluated.
    public var clip: Double?

    /// Describes metrics.
    public init(
        reward: Double, macsRatio: Double, measuredSpeedup: Double? = nil, fid: Double? = nil, clip: Double? = nil
    ) {
        self.reward = reward
        self.macsRatio = macsRatio
        self.measuredSpeedup = measuredSpeedup
        self.fid = fid
        self.clip = clip
    }

    /// The speedup queries use: the measured one where there is one, otherwise the one the MACs predict.
    public var speedup: Double { measuredSpeedup ?? (macsRatio > 0 ? 1 / macsRatio : 0) }

    /// Decodes metrics from stored JSON text.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `metrics`.
    public init(json: String) throws(StoreError) {
        do {
            self = try JSONDecoder().decode(RegistryMetrics.self, from: Data(json.utf8))
        } catch {
            throw .invalidInput(field: "metrics", message: "not registry metrics JSON: \(error)")
        }
    }

    /// Canonical JSON text (sorted keys).
    public var json: String { RegistryJSON.encode(self) }
}
