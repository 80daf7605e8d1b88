/// A choice among versions by required speed or quality.
public enum RegistryQuery: Sendable, Hashable {
    /// The highest reward among versions with speedup ≥ the value (ties: higher speedup, then lower digest).
    case minSpeedup(Double)
    /// The highest speedup among versions with reward ≥ the value (ties: higher reward, then lower digest).
    case minReward(Double)

    /// The version this query picks, or nil when none qualifies.
    public func pick(_ versions: [RegistryVersion]) throws(StoreError) -> RegistryVersion? {
        var scored: [(version: RegistryVersion, metrics: RegistryMetrics)] = []
        for version in versions { scored.append((version, try RegistryMetrics(json: version.metricsJSON))) }
        switch self {
        case .minSpeedup(let floor):
            return scored.filter { $0.metrics.speedup >= floor }.max {
                ($0.metrics.reward, $0.metrics.speedup, $1.version.digest)
                    < ($1.metrics.reward, $1.metrics.speedup, $0.version.digest)
            }?.version
        case .minReward(let floor):
            return scored.filter { $0.metrics.reward >= floor }.max {
                ($0.metrics.speedup, $0.metrics.reward, $1.version.digest)
                    < ($1.metrics.speedup, $1.metrics.reward, $0.version.digest)
            }?.version
        }
    }

    /// The query as text for messages, e.g. `speedup >= 2.0`.
    var summary: String {
        switch self {
        case .minSpeedup(let value): "speedup >= \(value)"
        case .minReward(let value): "reward >= \(value)"
        }
    }
}
