import ECADSearch

/// Which offspring earn a full-prompt-set evaluation after the cheap subset one.
///
/// Rule (deterministic): a candidate is promoted when its subset objectives are not dominated by any
/// member of the current front (full-set objectives). If more than `ceil(promoteFraction · batch)`
/// qualify, those with the best first objective (then the lower batch index) are kept. Candidates not
/// promoted keep their subset objectives and get constraint value 1 (infeasible), so they rank below
/// every fully evaluated candidate and never enter the front; promoted ones get constraint 0.
package enum MultiFidelityRule {
    /// Indices of `estimates` to promote, ascending.
    package static func promote(estimates: [[Double]], front: [[Double]], promoteFraction: Double) -> [Int] {
        let cap = max(1, Int((promoteFraction * Double(estimates.count)).rounded(.up)))
        let qualifying = estimates.indices.filter { index in
            let estimate = Evaluation(objectives: estimates[index])
            return !front.contains { Evaluation(objectives: $0).dominates(estimate) }
        }
        let kept = qualifying.sorted { lhs, rhs in
            let (a, b) = (estimates[lhs].first ?? 0, estimates[rhs].first ?? 0)
            return a != b ? a < b : lhs < rhs
        }
        return Array(kept.prefix(cap)).sorted()
    }
}
