@testable import ECADDaemon
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation
import Synchronization
import Testing

/// A stopped search (cancel, hold, requeue, shutdown) ends between candidates: the loop runs inside the daemon,
/// so it must not go on scoring (or, with every candidate already stored, spinning) after the stop.
struct SearchStopTests {
    /// Scores like ``ToyEvaluator`` and asks the search to stop once it has scored `stopAfter` schedules.
    final class StoppingEvaluator: SearchEvaluator, Sendable {
        let scored = Mutex(0)
        let stop = Mutex(false)
        let stopAfter: Int

        init(stopAfter: Int) { self.stopAfter = stopAfter }

        func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
            scored.withLock { count in
                count += schedules.count
                if count >= stopAfter { stop.withLock { $0 = true } }
            }
            return schedules.enumerated().map { index, schedule in
                EvaluateResult.Evaluation(
                    index: index, rewards: prompts.indices.map { ToyEvaluator.reward(schedule, prompt: $0) },
                    macs: Double(schedule.computeCount), latencySeconds: 0)
            }
        }
    }

    @Test func aStoppedSearchEndsWithinOneChunkOfCandidates() async throws {
        let models = try SearchFixture.modelsDirectory()
        let plan = try SearchFixture.plan(try SearchFixture.spec(), models: models)
        let (store, job) = try await SearchFixture.store()
        let evaluator = StoppingEvaluator(stopAfter: 5)
        let chunkSize = 2
        let batches = BatchEvaluator(
            plan: plan, modelDigest: try plan.model.digest(workerDigest: nil), job: job, executor: LocalWorkerPool(primary: evaluator),
            persistence: StoreSearchPersistence(store: store, job: job), chunkSize: chunkSize,
            shouldStop: { evaluator.stop.withLock { $0 } })
        let seeds = try await SearchSeeds.genomes(for: plan, registry: store.registry)
        await #expect(throws: DaemonError.stopped) {
            _ = try await SearchDriver(batches: batches, seeds: seeds, deadline: nil).run()
        }
        // 8 candidates per generation and 5 generations would be 48; it stops right after the chunk that hit 5.
        #expect(evaluator.scored.withLock { $0 } <= 5 + chunkSize - 1)
    }

    @Test func aStoppedSearchWhoseCandidatesAreAllStoredStillEnds() async throws {
        let models = try SearchFixture.modelsDirectory()
        let plan = try SearchFixture.plan(try SearchFixture.spec(), models: models)
        let (store, job) = try await SearchFixture.store()
        _ = try await SearchFixture.run(plan, store: store, job: job, evaluator: ToyEvaluator())
        // A second search with the same key reuses every evaluation, so it never calls the evaluator.
        let second = try await store.jobs.submit(NewJob(kind: .search, specJSON: "{}", ownerUID: 1000, ownerName: "test"))
        let evaluator = StoppingEvaluator(stopAfter: 1)
        let stop = Mutex(false)
        let batches = BatchEvaluator(
            plan: plan, modelDigest: try plan.model.digest(workerDigest: nil), job: second.id, executor: LocalWorkerPool(primary: evaluator),
            persistence: StoreSearchPersistence(store: store, job: second.id), chunkSize: 3,
            shouldStop: { stop.withLock { $0 } })
        let seeds = try await SearchSeeds.genomes(for: plan, registry: store.registry)
        let driver = SearchDriver(batches: batches, seeds: seeds, deadline: nil) { _ in stop.withLock { $0 = true } }
        await #expect(throws: DaemonError.stopped) { _ = try await driver.run() }
        #expect(evaluator.scored.withLock { $0 } == 0)
        let checkpoint = try #require(try await store.checkpoints.latest(job: second.id))
        #expect(checkpoint.generation == 0)
    }
}
