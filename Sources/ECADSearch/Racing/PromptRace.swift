/// Racing over prompt chunks: candidates are scored one chunk of the calibration items (prompts) at a time, and
/// a candidate leaves the race once it is clearly beaten, so a poor candidate costs one chunk of images instead
/// of the whole set.
///
/// Rule (deterministic, from stored results only): after each chunk but the last, a runner is **out** when some
/// rival (a member of the current front, scored on the same items) costs no more and has a mean score on the
/// items raced so far at least `margin` higher. The comparison is paired (the same items for both), so item
/// difficulty cancels out and small margins are safe. Runners still in after the last chunk have been scored on
/// every item. Scores are maximized (rewards), costs minimized (MAC fractions).
public struct PromptRace: Sendable, Equatable {
    /// Chunks the items are split into (at least 2).
    public let chunkCount: Int
    /// How much higher a rival's paired mean score must be to put a runner out (≥ 0).
    public let margin: Double

    /// A race over `chunkCount` chunks with `margin`.
    /// - Throws: ``SearchError/invalidConfiguration(_:)`` for fewer than 2 chunks or a negative or non-finite margin.
    public init(chunkCount: Int, margin: Double) throws(SearchError) {
        guard chunkCount >= 2 else { throw .invalidConfiguration("a race needs at least 2 chunks, got \(chunkCount)") }
        guard margin >= 0, margin.isFinite else {
            throw .invalidConfiguration("race margin must be finite and not negative, got \(margin)")
        }
        self.chunkCount = chunkCount
        self.margin = margin
    }

    /// The chunks of `itemCount` items, in order: `chunkCount` contiguous ranges whose sizes differ by at most
    /// one (earlier chunks are not larger). Fewer items than chunks give one item per chunk.
    public func chunks(itemCount: Int) -> [Range<Int>] {
        let count = min(chunkCount, itemCount)
        guard count > 0 else { return [] }
        return (0..<count).map { index in (index * itemCount / count)..<((index + 1) * itemCount / count) }
    }

    /// One contestant: its per-item scores so far (in item order) and its cost.
    public struct Entry: Sendable, Equatable {
        /// Scores on the items raced so far.
        public var scores: [Double]
        /// Cost (lower is better).
        public var cost: Double

        /// An entry.
        public init(scores: [Double], cost: Double) {
            self.scores = scores
            self.cost = cost
        }

        /// Mean of the first `count` scores.
        func mean(of count: Int) -> Double {
            count == 0 ? 0 : scores.prefix(count).reduce(0, +) / Double(count)
        }
    }

    /// Indices of `runners` still in the race, ascending: those no rival beats by ``margin`` on the paired mean of
    /// the runner's items at no higher cost. A rival with fewer scores than the runner is not compared.
    public func survivors(_ runners: [Entry], rivals: [Entry]) -> [Int] {
        runners.indices.filter { index in
            let runner = runners[index]
            let items = runner.scores.count
            let own = runner.mean(of: items)
            return !rivals.contains { rival in
                rival.scores.count >= items && rival.cost <= runner.cost && rival.mean(of: items) >= own + margin
            }
        }
    }
}
