@testable import ECADDaemon
import ECADCore
import ECADReport
import ECADStore
import Foundation
import Testing

struct EvaluateSourcesTests {
    @Test func aFrontHeuristicsAndTheBaselineExpandInOrderWithDuplicatesMerged() async throws {
        let models = try SearchFixture.modelsDirectory()
        let (store, job, checkpoint) = try await EvaluateFixture.finishedSearch(models: models)
        let spec = try EvaluateFixture.spec(#"[{ heuristic = "fora" }, { heuristic = "fora:n=2" }, { heuristic = "uncached" }]"#, "front = \(job.rawValue)")
        let candidates = try await EvaluateFixture.sources(spec, models: models).candidates(store: store)

        let frontCount = checkpoint.front.count
        #expect(frontCount > 0)
        let digests = candidates.map(\.digest.hex)
        #expect(Set(digests).count == digests.count, "digests are distinct")
        #expect(candidates[0].sources.first == EvaluationSource(kind: .uncached, label: "uncached"))
        let merged = candidates[0].sources.filter { source in source.family == "uncached" }
        #expect(merged.count == 1, "heuristic uncached merged into the baseline")
        let fora2 = try #require(candidates.first { $0.sources.contains { $0.label == "fora:n=2" } })
        #expect(fora2.sources.filter { $0.label == "fora:n=2" }.count == 1, "the same label twice is kept once")
        let allSources = candidates.flatMap(\.sources)
        let foraSources = allSources.filter { source in source.kind == .heuristic && source.family == "fora" }
        #expect(foraSources.count == 4)
        let frontLabels = allSources.filter { source in source.kind == .front }.map(\.label)
        #expect(frontLabels.count == frontCount)
        #expect(frontLabels.first == "job \(job) #1")
        // The front's own uncached / fora:n=2 members (seeded) merge with the other sources rather than repeat.
        #expect(candidates.count <= 1 + frontCount + 4)
    }

    @Test func anUnknownFrontJobFailsNamingTheField() async throws {
        let models = try SearchFixture.modelsDirectory()
        let spec = try EvaluateFixture.spec(#"[{ front = "99" }]"#)
        await expectInvalid("evaluate.schedules[0].front", "no job 99") {
            _ = try await EvaluateFixture.sources(spec, models: models).candidates(store: try Store.inMemory())
        }
    }

    @Test func aFrontOfARunningOrNonSearchJobIsRefused() async throws {
        let models = try SearchFixture.modelsDirectory()
        let store = try Store.inMemory()
        let running = try await store.jobs.submit(NewJob(kind: .search, specJSON: EvaluateFixture.searchSpecJSON, ownerUID: 1, ownerName: "t"))
        let generate = try await store.jobs.submit(NewJob(kind: .generate, specJSON: "{}", ownerUID: 1, ownerName: "t"))
        await expectInvalid("evaluate.schedules[0].front", "is PENDING; its front is final only once it has finished") {
            _ = try await EvaluateFixture.sources(try EvaluateFixture.spec("[]", "front = \(running.id.rawValue)"), models: models).candidates(store: store)
        }
        await expectInvalid("evaluate.schedules[0].front", "is a generate job, not a search") {
            _ = try await EvaluateFixture.sources(try EvaluateFixture.spec(#"[{ front = "\#(generate.id)" }]"#), models: models).candidates(store: store)
        }
        #expect(throws: DaemonError.self) { try EvaluateFixture.sources(try EvaluateFixture.spec(#"[{ front = "FRONT_JOB" }]"#), models: models).check() }
    }

    @Test func anUnknownRegistryRefOrFileFailsNamingTheSource() async throws {
        let models = try SearchFixture.modelsDirectory()
        let spec = try EvaluateFixture.spec(#"[{ heuristic = "fora:n=2" }, "shapes32/nothing-here"]"#)
        await expectInvalid("evaluate.schedules[1]", "shapes32/nothing-here") {
            _ = try await EvaluateFixture.sources(spec, models: models).candidates(store: try Store.inMemory())
        }
        let file = try EvaluateFixture.spec(#"[{ file = "/nonexistent/front.json" }]"#)
        await expectInvalid("evaluate.schedules[0].file", "cannot read schedule file /nonexistent/front.json") {
            _ = try await EvaluateFixture.sources(file, models: models).candidates(store: try Store.inMemory())
        }
    }

    @Test func unknownOrIncompleteHeuristicsFailTheCheck() async throws {
        let models = try SearchFixture.modelsDirectory()
        for (text, message) in [("nosuch", "unknown heuristic"), ("evenly", "needs parameters"), ("fora:n=0", "n must be")] {
            let sources = try EvaluateFixture.sources(try EvaluateFixture.spec(#"[{ heuristic = "\#(text)" }]"#), models: models)
            await expectInvalid("evaluate.schedules[0].heuristic", message) { try sources.check() }
        }
    }

    private func expectInvalid(_ field: String, _ message: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected an invalid spec error for \(field)")
        } catch let DaemonError.invalidSpec(actualField, actualMessage) {
            #expect(actualField == field)
            #expect(actualMessage.contains(message), "\(actualMessage)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
