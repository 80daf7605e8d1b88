/// The hypervolume indicator: the area of objective space a set of points dominates, bounded by a
/// reference point (all objectives minimized).
public enum Hypervolume {
    /// Exact 2-D hypervolume of `points` against `reference`. Points that do not strictly dominate
    /// the reference in both objectives contribute nothing; dominated and repeated points are harmless.
    public static func twoDimensional(_ points: [(Double, Double)], reference: (Double, Double)) -> Double {
        let inside = points
            .filter { $0.0 < reference.0 && $0.1 < reference.1 }
            .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var area = 0.0
        var ceiling = reference.1
        for point in inside where point.1 < ceiling {
            area += (reference.0 - point.0) * (ceiling - point.1)
            ceiling = point.1
        }
        return area
    }

    /// Exact 2-D hypervolume of the objectives of `members` (each must have two objectives).
    public static func twoDimensional(front members: [EvaluatedGenome], reference: (Double, Double)) throws(SearchError) -> Double {
        var points: [(Double, Double)] = []
        for member in members {
            let objectives = member.evaluation.objectives
            guard objectives.count == 2 else {
                throw .invalidEvaluation("2-D hypervolume needs 2 objectives, got \(objectives.count)")
            }
            points.append((objectives[0], objectives[1]))
        }
        return twoDimensional(points, reference: reference)
    }
}
