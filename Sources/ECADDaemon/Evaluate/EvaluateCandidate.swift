import ECADCore
import ECADReport

/// One distinct schedule to score, with every source that named it (spec order).
package struct EvaluateCandidate: Sendable, Equatable {
    /// The schedule.
    package var schedule: Schedule
    /// Every source that asked for it.
    package var sources: [EvaluationSource]

    /// The schedule's digest.
    package var digest: ScheduleDigest { schedule.digest }

    /// Candidates with equal digests merged into the first, keeping every source in order.
    package static func merged(_ candidates: [EvaluateCandidate]) -> [EvaluateCandidate] {
        var result: [EvaluateCandidate] = []
        var positions: [ScheduleDigest: Int] = [:]
        for candidate in candidates {
            if let position = positions[candidate.digest] {
                for source in candidate.sources where !result[position].sources.contains(source) {
                    result[position].sources.append(source)
                }
            } else {
                positions[candidate.digest] = result.count
                result.append(candidate)
            }
        }
        return result
    }
}
