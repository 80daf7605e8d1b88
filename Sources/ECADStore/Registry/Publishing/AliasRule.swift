/// The documented rules that pick a published front's `fastest`, `balanced` and `quality` aliases
/// (docs/registry.md).
///
/// - `quality`: among members whose reward is within ``qualityTolerance`` of the best, the one with the lowest MACs
///   ratio (the cheapest of the near-best).
/// - `fastest`: the lowest MACs ratio among members with reward ≥ uncached − ``fastestTolerance``; when none
///   qualifies, the member with the highest reward.
/// - `balanced`: the knee point: with MACs ratio and reward each scaled to [0, 1] over the front, the member with
///   the largest scaled reward minus scaled cost (the farthest above the diagonal of the front's bounding box).
///
/// Ties break by the lower digest, so the choice is deterministic.
public enum AliasRule: String, Sendable, CaseIterable {
    case fastest, balanced, quality

    /// How far below the best reward `quality` may look.
    public static let qualityTolerance = 0.01
    /// How far below the uncached reward `fastest` may go.
    public static let fastestTolerance = 0.05

    /// The digest this rule picks among `members` (nil for an empty front).
    public func pick(_ members: [(digest: String, metrics: RegistryMetrics)], uncachedReward: Double) -> String? {
        guard let best = members.map(\.metrics.reward).max() else { return nil }
        let cheapest = { (pool: [(digest: String, metrics: RegistryMetrics)]) in
            pool.min { ($0.metrics.macsRatio, $0.digest) < ($1.metrics.macsRatio, $1.digest) }?.digest
        }
        switch self {
        case .quality:
            return cheapest(members.filter { $0.metrics.reward >= best - Self.qualityTolerance })
        case .fastest:
            let good = members.filter { $0.metrics.reward >= uncachedReward - Self.fastestTolerance }
            if good.isEmpty { return cheapest(members.filter { $0.metrics.reward == best }) }
            return cheapest(good)
        case .balanced:
            return Self.knee(members)
        }
    }

    private static func knee(_ members: [(digest: String, metrics: RegistryMetrics)]) -> String? {
        let costs = members.map(\.metrics.macsRatio)
        let rewards = members.map(\.metrics.reward)
        guard let lowCost = costs.min(), let highCost = costs.max(), let lowReward = rewards.min(),
            let highReward = rewards.max()
        else { return nil }
        let costSpan = max(highCost - lowCost, 1e-12)
        let rewardSpan = max(highReward - lowReward, 1e-12)
        let scored = members.map { member -> (digest: String, score: Double) in
            let x = (member.metrics.macsRatio - lowCost) / costSpan
            let y = (member.metrics.reward - lowReward) / rewardSpan
            return (member.digest, y - x)
        }
        return scored.max { ($0.score, $1.digest) < ($1.score, $0.digest) }?.digest
    }
}
