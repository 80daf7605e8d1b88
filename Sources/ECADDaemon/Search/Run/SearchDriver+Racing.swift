import ECADCore
import ECADSearch
import ECADStore

extension SearchDriver {
    /// The metrics of each schedule under racing (`[strategy] racing`): the batch is scored one prompt chunk at
    /// a time (each chunk's results stored under the chunk's own evaluation key), and after every chunk but the
    /// last, ``PromptRace/survivors(_:rivals:)`` drops the candidates the current front beats by the margin.
    /// Candidates that finish are scored on every prompt (mean of their chunks' per-prompt rewards) and are
    /// full-fidelity; the others keep their partial mean and are infeasible. The initial population has no front
    /// to race against, so all of it finishes. Uses only stored results and the checkpoint: deterministic and
    /// resumable (a restarted batch replays the same eliminations from the cache).
    func race(
        _ schedules: [Schedule], race: PromptRace, checkpoint: inout SearchCheckpoint
    ) async throws -> [MemberMetrics] {
        let rivals = try await rivalEntries(checkpoint)
        var entries = try schedules.map { schedule throws(DaemonError) in
            PromptRace.Entry(scores: [], cost: try plan.macFraction(schedule))
        }
        var latency = [Double](repeating: 0, count: schedules.count)
        var running = Array(schedules.indices)
        for (index, prompts) in plan.raceChunks.enumerated() {
            let stored = try await batches.evaluate(
                running.map { schedules[$0] }, prompts: prompts, counters: &checkpoint.counters)
            for (candidate, evaluation) in zip(running, stored) {
                entries[candidate].scores += evaluation.perPromptRewards
                latency[candidate] += (evaluation.latencySeconds ?? 0) * Double(prompts.count)
            }
            if index < plan.raceChunks.count - 1, !rivals.isEmpty {
                running = race.survivors(running.map { entries[$0] }, rivals: rivals).map { running[$0] }
            }
        }
        let total = plan.prompts.count
        var counters = checkpoint.counters
        var metrics: [MemberMetrics] = []
        for (index, entry) in entries.enumerated() {
            let scored = entry.scores.count
            let finished = scored == total
            if !rivals.isEmpty {
                if finished { counters.promoted += 1 } else { counters.subsetEvaluations += 1 }
            }
            counters.imagesSaved += plan.seeds.count * (total - scored)
            metrics.append(MemberMetrics(
                reward: scored == 0 ? 0 : entry.scores.reduce(0, +) / Double(scored), macFraction: entry.cost,
                latencySeconds: scored == 0 ? 0 : latency[index] / Double(scored), fullFidelity: finished))
        }
        checkpoint.counters = counters
        return metrics
    }

    /// The front's members as race rivals: their per-prompt rewards over the leading chunks stored for them (a
    /// member is compared only on items it has results for) and their MAC fractions.
    private func rivalEntries(_ checkpoint: SearchCheckpoint) async throws -> [PromptRace.Entry] {
        var rivals: [PromptRace.Entry] = []
        for member in checkpoint.state.front {
            let schedule = try plan.codec.schedule(from: member.genome)
            let keys = plan.raceChunks.map { batches.plan.key(for: schedule, prompts: $0, modelDigest: batches.modelDigest) }
            let stored = try await batches.persistence.stored(keys)
            var scores: [Double] = []
            for key in keys {
                guard let evaluation = stored[key] else { break }
                scores += evaluation.perPromptRewards
            }
            rivals.append(PromptRace.Entry(scores: scores, cost: try plan.macFraction(schedule)))
        }
        return rivals
    }
}
