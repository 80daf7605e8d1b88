/// Rank and crowding distance of every member of a population, recomputed from evaluations
/// (so neither needs to be stored in a checkpoint).
public struct Ranking: Sendable, Equatable {
    /// Fronts of member indices, best first (see ``NondominatedSort/fronts(_:)``).
    public let fronts: [[Int]]
    /// Front number of each member.
    public let ranks: [Int]
    /// Crowding distance of each member within its front.
    public let crowding: [Double]

    /// Ranks `evaluations` under constraint domination and computes crowding per front.
    public init(_ evaluations: [Evaluation]) {
        fronts = NondominatedSort.fronts(evaluations)
        var ranks = [Int](repeating: 0, count: evaluations.count)
        var crowding = [Double](repeating: 0, count: evaluations.count)
        for (rank, front) in fronts.enumerated() {
            let distances = CrowdingDistance.distances(front.map { evaluations[$0].objectives })
            for (position, member) in front.enumerated() {
                ranks[member] = rank
                crowding[member] = distances[position]
            }
        }
        self.ranks = ranks
        self.crowding = crowding
    }

    /// Whether member `first` beats member `second` in a tournament: lower rank, then larger
    /// crowding distance; nil on a tie.
    public func prefers(_ first: Int, over second: Int) -> Bool? {
        if ranks[first] != ranks[second] { return ranks[first] < ranks[second] }
        if crowding[first] != crowding[second] { return crowding[first] > crowding[second] }
        return nil
    }

    /// Binary tournament: two members drawn uniformly (distinct when possible); the preferred one
    /// wins, a tie is settled by a coin flip.
    public func tournament(using rng: inout Xoshiro256StarStar) -> Int {
        let size = ranks.count
        let first = rng.nextIndex(below: size)
        guard size > 1 else { return first }
        var second = rng.nextIndex(below: size - 1)
        if second >= first { second += 1 }
        if let firstWins = prefers(first, over: second) { return firstWins ? first : second }
        return rng.nextIndex(below: 2) == 0 ? first : second
    }

    /// Rank-and-crowding survival: indices of the `count` members kept, filling whole fronts in order
    /// and cutting the last front by descending crowding distance (ties by index).
    public func survivors(_ count: Int) -> [Int] {
        var kept: [Int] = []
        for front in fronts {
            if kept.count + front.count <= count {
                kept += front
                continue
            }
            let byCrowding = front.sorted { lhs, rhs in
                crowding[lhs] > crowding[rhs] || (crowding[lhs] == crowding[rhs] && lhs < rhs)
            }
            kept += byCrowding.prefix(count - kept.count)
            break
        }
        return kept
    }
}
