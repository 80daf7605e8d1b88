import ECADStore
import Foundation
import Testing

struct EvaluationCacheTests {
    @Test func insertThenLookupRoundTripsExactly() async throws {
        let store = try TestStores.inMemory()
        let evaluation = Fixtures.evaluation()
        #expect(try await store.evaluations.insert(evaluation))
        let found = try #require(try await store.evaluations.lookup(evaluation.key))
        #expect(found.key == evaluation.key)
        #expect(found.perPromptRewards == evaluation.perPromptRewards)
        #expect(found.macs == evaluation.macs && found.latencySeconds == 0.25)
        #expect(found.metricsJSON == evaluation.metricsJSON)
    }

    @Test func aKeyIsStoredOnceAndReusedAcrossJobs() async throws {
        let store = try TestStores.inMemory()
        let first = try await store.jobs.submit(TestStores.newJob()).id
        let second = try await store.jobs.submit(TestStores.newJob()).id
        #expect(try await store.evaluations.insert(Fixtures.evaluation(job: first)))
        #expect(try await store.evaluations.insert(Fixtures.evaluation(job: second)) == false)
        #expect(try await store.evaluations.count() == 1)
        #expect(try await store.evaluations.lookup(Fixtures.key())?.jobID == first)
    }

    /// A failed candidate's placeholder (a Slurm chunk that failed every attempt) is replaced by the next result
    /// for its key, which then belongs to the job that produced it; a real result is never replaced.
    @Test func aFailedPlaceholderIsReplacedByTheNextResult() async throws {
        let store = try TestStores.inMemory()
        let first = try await store.jobs.submit(TestStores.newJob()).id
        let second = try await store.jobs.submit(TestStores.newJob()).id
        var failed = Fixtures.evaluation(job: first)
        failed.metricsJSON = "{\"reward\":-1000000,\"latency_seconds\":0,\(Evaluation.failedMarker)}"
        #expect(try await store.evaluations.insert(failed))
        #expect(try await store.evaluations.lookup(Fixtures.key())?.isFailed == true)
        #expect(try await store.evaluations.insert(Fixtures.evaluation(job: second)))
        let replaced = try #require(try await store.evaluations.lookup(Fixtures.key()))
        #expect(!replaced.isFailed && replaced.jobID == second)
        #expect(try await store.evaluations.insert(failed) == false)
        #expect(try await store.evaluations.lookup(Fixtures.key())?.isFailed == false)
        #expect(try await store.evaluations.count() == 1)
    }

    @Test func everyKeyPartDistinguishesEvaluations() async throws {
        let store = try TestStores.inMemory()
        let base = Fixtures.evaluation()
        var variants: [Evaluation] = []
        for change in 0..<6 {
            var variant = base
            switch change {
            case 0: variant.key.modelDigest = "m2"
            case 1: variant.key.scheduleDigest = "s2"
            case 2: variant.key.promptSetDigest = "p2"
            case 3: variant.key.seeds = [1, 2]
            case 4: variant.key.sampler = "euler"
            default: variant.key.metricVersions["reward"] = "shapes-2"
            }
            variants.append(variant)
        }
        #expect(try await store.evaluations.insert(base))
        for variant in variants { #expect(try await store.evaluations.insert(variant)) }
        let found = try await store.evaluations.lookup(variants.map(\.key) + [Fixtures.key(schedule: "absent")])
        #expect(found.count == variants.count)
    }

    @Test func malformedKeysAreRefused() async throws {
        let store = try TestStores.inMemory()
        var evaluation = Fixtures.evaluation()
        evaluation.key.metricVersions["a=b"] = "1"
        await #expect(throws: StoreError.self) { try await store.evaluations.insert(evaluation) }
        evaluation = Fixtures.evaluation()
        evaluation.key.modelDigest = ""
        await #expect(throws: StoreError.self) { try await store.evaluations.insert(evaluation) }
    }
}
