@testable import ECADDaemon
import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation
import Synchronization
import Testing

/// A search's batches spread over several lanes (``LocalWorkerPool``) or delivered out of order (any
/// ``EvaluationExecutor``) end with the front and state of one worker answering in order.
struct MultiWorkerPoolTests {
    /// Evaluates every chunk with a ``ToyEvaluator``, then delivers the results last chunk first.
    struct ReverseExecutor: EvaluationExecutor {
        let evaluator = ToyEvaluator()

        func run(
            _ chunks: [[Schedule]], prompts: [String],
            deliver: @escaping @Sendable (Int, [EvaluateResult.Evaluation]) async throws -> Void
        ) async throws {
            var results: [[EvaluateResult.Evaluation]] = []
            for chunk in chunks { results.append(try await evaluator.evaluate(chunk, prompts: prompts)) }
            for index in chunks.indices.reversed() { try await deliver(index, results[index]) }
        }
    }

    /// A lane that scores like ``ToyEvaluator`` (taking a moment per chunk, like a worker) and counts its chunks;
    /// with `failOnChunk`, its worker "dies" on that chunk (1-based) before answering.
    final class Lane: SearchEvaluator, Sendable {
        let scorer: ToyEvaluator
        let failOnChunk: Int?
        let chunks = Mutex(0)

        init(scorer: ToyEvaluator, failOnChunk: Int? = nil) {
            self.scorer = scorer
            self.failOnChunk = failOnChunk
        }

        func evaluate(_ schedules: [Schedule], prompts: [String]) async throws -> [EvaluateResult.Evaluation] {
            let count = chunks.withLock { count in
                count += 1
                return count
            }
            // Simulated work time, so every lane gets chunks.
            try await Task.sleep(for: .milliseconds(2))
            if count == failOnChunk { throw DaemonError.workerExited(status: 9) }
            return try await scorer.evaluate(schedules, prompts: prompts)
        }
    }

    private let models: URL

    init() throws { models = try SearchFixture.modelsDirectory() }

    private func front(_ checkpoint: SearchCheckpoint, _ plan: SearchPlan) throws -> [String] {
        try SearchFront(checkpoint: checkpoint, codec: plan.codec).members.map {
            "\($0.digest.hex) \($0.metrics.reward) \($0.metrics.macFraction) \($0.metrics.fullFidelity)"
        }
    }

    /// The run of one in-order worker: checkpoint and the number of schedules it scored.
    private func clean(_ plan: SearchPlan) async throws -> (SearchCheckpoint, Int) {
        let (store, job) = try await SearchFixture.store()
        let evaluator = ToyEvaluator()
        return (try await SearchFixture.run(plan, store: store, job: job, evaluator: evaluator), evaluator.evaluations)
    }

    @Test func resultsDeliveredInReverseGiveTheSameFrontAndState() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (expected, _) = try await clean(plan)
        let (store, job) = try await SearchFixture.store()
        let reversed = try await SearchFixture.run(plan, store: store, job: job, executor: ReverseExecutor())
        #expect(try front(reversed, plan) == front(expected, plan))
        #expect(reversed.state == expected.state)
        #expect(reversed.counters == expected.counters)
    }

    @Test(arguments: [2, 3])
    func chunksSpreadOverLanesGiveTheSameFrontAndState(workers: Int) async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (expected, scored) = try await clean(plan)
        let (store, job) = try await SearchFixture.store()
        let scorer = ToyEvaluator()
        let primary = Lane(scorer: scorer)
        let pool = LocalWorkerPool(primary: primary)
        let extras = (1..<workers).map { _ in Lane(scorer: scorer) }
        let serving = extras.enumerated().map { id, lane in Task { await pool.serve(lane, id: id) } }
        let final = try await SearchFixture.run(plan, store: store, job: job, executor: pool)
        for id in extras.indices { pool.dismiss(id) }
        for task in serving { await task.value }
        #expect(try front(final, plan) == front(expected, plan))
        #expect(final.state == expected.state)
        #expect(final.counters == expected.counters)
        #expect(scorer.evaluations == scored, "each candidate scored once")
        #expect(([primary] + extras).allSatisfy { $0.chunks.withLock { $0 } > 0 }, "every lane took chunks")
        #expect(pool.workers == 1)
    }

    @Test func aChunkOfAnExtraLaneThatDiesIsEvaluatedByAnother() async throws {
        let plan = try SearchFixture.plan(SearchFixture.spec(), models: models)
        let (expected, scored) = try await clean(plan)
        let (store, job) = try await SearchFixture.store()
        let scorer = ToyEvaluator()
        let pool = LocalWorkerPool(primary: Lane(scorer: scorer))
        let dying = Lane(scorer: scorer, failOnChunk: 3)
        let serving = Task { await pool.serve(dying, id: 7) }
        let final = try await SearchFixture.run(plan, store: store, job: job, executor: pool)
        await serving.value
        #expect(dying.chunks.withLock { $0 } == 3, "the lane left after its worker died")
        #expect(try front(final, plan) == front(expected, plan))
        #expect(final.state == expected.state)
        #expect(scorer.evaluations == scored, "the lost chunk was scored once, by the primary")
    }

    @Test func aDismissedIdleLaneLeavesAtOnce() async throws {
        let pool = LocalWorkerPool(primary: Lane(scorer: ToyEvaluator()))
        let lane = Lane(scorer: ToyEvaluator())
        let serving = Task { await pool.serve(lane, id: 1) }
        let deadline = ContinuousClock.now + .seconds(30)
        while pool.workers < 2 {
            try #require(ContinuousClock.now < deadline, "the lane never joined")
            await Task.yield()
        }
        pool.dismiss(1)
        await serving.value
        #expect(pool.workers == 1)
        #expect(lane.chunks.withLock { $0 } == 0)
    }
}
