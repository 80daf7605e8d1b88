import ECADCore
import Foundation

/// Chooses which pending jobs a claim round starts: pure, so the order is unit tested without a database.
public struct ClaimPlanner: Sendable {
    /// A pending job as the planner sees it.
    public struct Candidate: Sendable, Hashable {
        /// The job.
        public var id: JobID
        /// Its owner.
        public var ownerUID: UInt32
        /// Its kind.
        public var kind: JobKind
        /// Its per-job priority.
        public var priority: Int
        /// When it was submitted.
        public var submittedAt: Date

        /// Describes a candidate.
        public init(id: JobID, ownerUID: UInt32, kind: JobKind, priority: Int, submittedAt: Date) {
            self.id = id
            self.ownerUID = ownerUID
            self.kind = kind
            self.priority = priority
            self.submittedAt = submittedAt
        }
    }

    /// The policy that scores candidates.
    public var policy: PriorityPolicy

    /// A planner for `policy`.
    public init(policy: PriorityPolicy) {
        self.policy = policy
    }

    /// Picks up to `count` candidates, best first. After each pick the owner counts one more running job, so one
    /// user's jobs do not take every free slot in a round when others are waiting.
    /// - Parameters:
    ///   - candidates: pending jobs.
    ///   - count: free slots.
    ///   - usage: each owner's decayed usage now, in slot-seconds (absent: 0).
    ///   - running: each owner's running jobs (absent: 0).
    ///   - now: the current time, for ages.
    public func pick(
        from candidates: [Candidate], count: Int, usage: [UInt32: Double], running: [UInt32: Int], now: Date
    ) -> [Candidate] {
        var remaining = candidates
        var running = running
        var picked: [Candidate] = []
        while picked.count < count, !remaining.isEmpty {
            var bestIndex = 0
            var bestScore = -Double.infinity
            for (index, candidate) in remaining.enumerated() {
                let score = policy.score(
                    priority: candidate.priority, kind: candidate.kind,
                    age: now.timeIntervalSince(candidate.submittedAt), ownerUsage: usage[candidate.ownerUID] ?? 0,
                    ownerRunning: running[candidate.ownerUID] ?? 0)
                if score > bestScore || (score == bestScore && candidate.id < remaining[bestIndex].id) {
                    bestScore = score
                    bestIndex = index
                }
            }
            let chosen = remaining.remove(at: bestIndex)
            running[chosen.ownerUID, default: 0] += 1
            picked.append(chosen)
        }
        return picked
    }
}
