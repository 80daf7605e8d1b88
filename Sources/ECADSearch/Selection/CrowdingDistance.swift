/// Crowding distance (Deb et al. 2002): how much room an individual has in objective space
/// within its front.
public enum CrowdingDistance {
    /// Crowding distance of each point of one front. Points at either end of any objective get
    /// `+infinity`; inner points get the sum over objectives of the gap between their neighbours,
    /// divided by that objective's range in the front (an objective with zero range adds nothing).
    /// Fronts of one or two points are all `+infinity`. Ties in an objective are ordered by index.
    public static func distances(_ objectives: [[Double]]) -> [Double] {
        let count = objectives.count
        guard count > 2 else { return [Double](repeating: .infinity, count: count) }
        var distances = [Double](repeating: 0, count: count)
        let dimensions = objectives[0].count
        for dimension in 0..<dimensions {
            let order = (0..<count).sorted { lhs, rhs in
                let left = objectives[lhs][dimension]
                let right = objectives[rhs][dimension]
                return left < right || (left == right && lhs < rhs)
            }
            guard let firstIndex = order.first, let lastIndex = order.last else { continue }
            let lowest = objectives[firstIndex][dimension]
            let range = objectives[lastIndex][dimension] - lowest
            distances[firstIndex] = .infinity
            distances[lastIndex] = .infinity
            guard range > 0 else { continue }
            for position in 1..<(count - 1) {
                let gap = objectives[order[position + 1]][dimension] - objectives[order[position - 1]][dimension]
                distances[order[position]] += gap / range
            }
        }
        return distances
    }
}
