import ECADCore
import Foundation

/// The scheduling priority of a pending job: a pure weighted sum, documented in docs/store.md.
///
/// ```
/// score = priority                                   (per job, -1000 ... 1000, default 0)
///       + ageWeight       * min(age / ageHorizon, 1)  (waiting time, saturating)
///       + fairShareWeight * 2^(-U / share)           (U = the owner's decayed usage in slot-seconds,
///                                                     plus `share` for each job of the owner already running)
///       + shortJobBonus   if the kind is generate or evaluate
/// ```
/// Usage decays with ``usageHalfLife``: a slot-second used one half-life ago counts 1/2. The highest score runs
/// first; ties go to the older job (lower id).
public struct PriorityPolicy: Sendable, Hashable {
    /// Points for a job that waited ``ageHorizon`` or longer.
    public var ageWeight: Double
    /// The wait at which the age factor saturates.
    public var ageHorizon: TimeInterval
    /// Points for an owner with no recent usage (the factor falls to 1/2 at `share` slot-seconds of usage).
    public var fairShareWeight: Double
    /// The usage, in slot-seconds, that halves an owner's fair-share factor.
    public var share: TimeInterval
    /// The half-life of recorded usage.
    public var usageHalfLife: TimeInterval
    /// Points for generate and evaluate jobs, so that they do not wait behind searches.
    public var shortJobBonus: Double

    /// The defaults: age 100 points over 24 h, fair share 500 points halved per hour of use, usage half-life 1 h,
    /// short-job bonus 200 points.
    public init(
        ageWeight: Double = 100, ageHorizon: TimeInterval = 86_400, fairShareWeight: Double = 500,
        share: TimeInterval = 3_600, usageHalfLife: TimeInterval = 3_600, shortJobBonus: Double = 200
    ) {
        self.ageWeight = ageWeight
        self.ageHorizon = ageHorizon
        self.fairShareWeight = fairShareWeight
        self.share = share
        self.usageHalfLife = usageHalfLife
        self.shortJobBonus = shortJobBonus
    }

    /// The score of one pending job.
    /// - Parameters:
    ///   - priority: the job's own priority.
    ///   - kind: the job's kind.
    ///   - age: seconds since submission (negative values count as 0).
    ///   - ownerUsage: the owner's decayed usage in slot-seconds, now.
    ///   - ownerRunning: how many jobs of the owner are running (including ones claimed in this round).
    public func score(priority: Int, kind: JobKind, age: TimeInterval, ownerUsage: Double, ownerRunning: Int)
        -> Double
    {
        let ageFactor = ageHorizon > 0 ? min(max(age, 0) / ageHorizon, 1) : 1
        let effectiveUsage = max(ownerUsage, 0) + Double(ownerRunning) * share
        let fairShare = share > 0 ? pow(2, -effectiveUsage / share) : 1
        return Double(priority) + ageWeight * ageFactor + fairShareWeight * fairShare
            + (kind.isShort ? shortJobBonus : 0)
    }

    /// `usage` recorded at some time, decayed over `elapsed` seconds.
    public func decayed(_ usage: Double, over elapsed: TimeInterval) -> Double {
        guard usageHalfLife > 0 else { return 0 }
        return usage * pow(2, -max(elapsed, 0) / usageHalfLife)
    }
}
