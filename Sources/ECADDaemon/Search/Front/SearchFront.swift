import ECADAPI
import ECADCore
import ECADSearch

/// A search's current front, with each member's metrics, ordered by decreasing reward (then digest).
package struct SearchFront: Sendable, Equatable {
    /// One member.
    package struct Member: Sendable, Equatable {
        /// The schedule.
        package var schedule: Schedule
        /// Its digest.
        package var digest: ScheduleDigest
        /// Its metrics.
        package var metrics: MemberMetrics
    }

    /// The members.
    package var members: [Member]
    /// The generation.
    package var generation: Int

    /// Hypervolume reference point in (-reward, MAC fraction): reward 0, MAC fraction 1.05.
    package static let reference = (0.0, 1.05)

    /// The front of `checkpoint`'s population (feasible first-front members, full-fidelity metrics).
    package init(checkpoint: SearchCheckpoint, codec: ScheduleGenomeCodec) throws {
        var members: [Member] = []
        for member in checkpoint.state.front {
            let schedule = try codec.schedule(from: member.genome)
            let digest = schedule.digest
            guard let metrics = checkpoint.metrics[digest.hex] else {
                throw DaemonError.configuration("search checkpoint lacks the metrics of front member \(digest.short)")
            }
            members.append(Member(schedule: schedule, digest: digest, metrics: metrics))
        }
        self.members = members.sorted { lhs, rhs in
            lhs.metrics.reward != rhs.metrics.reward ? lhs.metrics.reward > rhs.metrics.reward : lhs.digest < rhs.digest
        }
        generation = checkpoint.state.generation
    }

    /// Exact 2-D hypervolume of (-reward, MAC fraction) against ``reference``.
    package var hypervolume: Double {
        Hypervolume.twoDimensional(members.map { (-$0.metrics.reward, $0.metrics.macFraction) }, reference: Self.reference)
    }

    /// The best reward on the front.
    package var bestReward: Double? { members.first?.metrics.reward }

    /// The API view of the front.
    package func view(job: Int64) -> FrontView {
        FrontView(
            jobID: job, generation: generation, hypervolume: hypervolume,
            members: members.map { Self.member(digest: $0.digest.hex, metrics: $0.metrics) })
    }

    /// One member as the API shows it: `reward`, `macsRatio`, `speedup` (1 / MAC fraction), `latencySeconds`.
    package static func member(digest: String, metrics: MemberMetrics) -> FrontView.Member {
        FrontView.Member(
            scheduleDigest: digest,
            metrics: [
                "reward": metrics.reward, "macsRatio": metrics.macFraction, "speedup": 1 / metrics.macFraction,
                "latencySeconds": metrics.latencySeconds,
            ])
    }
}
