import ECADSearch
import Testing

struct SearchStrategyPromptRaceTests {
    @Test func chunksCoverEveryItemOnceInOrderWithSizesDifferingByAtMostOne() throws {
        let race = try PromptRace(chunkCount: 3, margin: 0)
        #expect(race.chunks(itemCount: 8) == [0..<2, 2..<5, 5..<8])
        #expect(race.chunks(itemCount: 9) == [0..<3, 3..<6, 6..<9])
        #expect(race.chunks(itemCount: 2) == [0..<1, 1..<2])
        #expect(race.chunks(itemCount: 0).isEmpty)
    }

    @Test func aRunnerBeatenByTheMarginAtNoHigherCostIsOut() throws {
        let race = try PromptRace(chunkCount: 4, margin: 0.05)
        let rivals = [PromptRace.Entry(scores: [0.9, 0.8, 0.7, 0.6], cost: 0.5)]
        let runners = [
            PromptRace.Entry(scores: [0.8, 0.7], cost: 0.6),    // beaten by 0.1 at higher cost: out
            PromptRace.Entry(scores: [0.8, 0.7], cost: 0.4),    // cheaper than the rival: in
            PromptRace.Entry(scores: [0.87, 0.78], cost: 0.6),  // within the margin: in
            PromptRace.Entry(scores: [0.85, 0.75], cost: 0.5),  // beaten by exactly the margin at equal cost: out
        ]
        #expect(race.survivors(runners, rivals: rivals) == [1, 2])
    }

    @Test func theComparisonIsPairedOnTheRunnersItemsOnly() throws {
        let race = try PromptRace(chunkCount: 2, margin: 0.01)
        // The rival is much better on the later items, but the runner has only raced the first two.
        let rivals = [PromptRace.Entry(scores: [0.5, 0.5, 1.0, 1.0], cost: 0.1)]
        #expect(race.survivors([PromptRace.Entry(scores: [0.5, 0.5], cost: 0.9)], rivals: rivals) == [0])
        #expect(race.survivors([PromptRace.Entry(scores: [0.5, 0.48], cost: 0.9)], rivals: rivals).isEmpty)
        // A rival with fewer results than the runner is not compared.
        let short = [PromptRace.Entry(scores: [1.0], cost: 0.1)]
        #expect(race.survivors([PromptRace.Entry(scores: [0.1, 0.1], cost: 0.9)], rivals: short) == [0])
    }

    @Test func badSettingsAreRefused() {
        #expect(throws: SearchError.self) { try PromptRace(chunkCount: 1, margin: 0) }
        #expect(throws: SearchError.self) { try PromptRace(chunkCount: 4, margin: -0.1) }
        #expect(throws: SearchError.self) { try PromptRace(chunkCount: 4, margin: .infinity) }
    }
}
