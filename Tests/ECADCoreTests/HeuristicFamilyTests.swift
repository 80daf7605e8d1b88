import Testing
@testable import ECADCore

struct HeuristicFamilyTests {
    @Test(arguments: [
        "uncached", "fora:n=3", "tgate:k=10,sa=3,warmup=2", "evenly:self_attn=2,cross_attn=5",
        "blocks:from=4,to=24,n=2", "deltadit:n=2,blocks=12,k=10", "deltadit:n=3,blocks=4",
    ])
    func compactFormRoundTrips(text: String) throws {
        #expect(try HeuristicFamily(parsing: text).description == text)
    }

    @Test func parserAcceptsDefaultsAndSpaces() throws {
        #expect(try HeuristicFamily(parsing: "tgate:k=10") == .tgate(gateStep: 10, selfAttentionEvery: 1, warmup: 2))
        #expect(try HeuristicFamily(parsing: "fora: n = 2") == .fora(every: 2))
        #expect(try HeuristicFamily(parsing: "evenly:attn2=4") == .evenly(intervals: [.crossAttention: 4]))
    }

    @Test(arguments: [
        ("lru:n=2", "unknown heuristic"),
        ("fora", "missing parameter n"),
        ("fora:n=0", "must be an integer"),
        ("fora:n=two", "must be an integer"),
        ("fora:n=2,m=3", "unknown parameter \"m\""),
        ("fora:n=2,n=3", "given twice"),
        ("evenly:", "at least one"),
        ("evenly:mlp=2", "unknown component"),
        ("fora:n", "expected key=value"),
    ])
    func badHeuristicsAreRefused(text: String, message: String) throws {
        let error = try #require(throws: ECADCoreError.self) { try HeuristicFamily(parsing: text) }
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func foraComputesEveryNthStep() throws {
        let schedule = try HeuristicFamily.fora(every: 3).schedule(for: .pixartAlpha256)
        #expect(schedule.isNormalized)
        // Steps 0, 3, ..., 18: 7 of 20.
        #expect(schedule.computeCount == 7 * 28 * 3)
        #expect(schedule[3, 10, 2] && !schedule[4, 10, 2])
    }

    @Test func foraMACsMatchThePublishedBaselines() throws {
        // Published FORA n = 2 / 3 / 4 / 5 totals: 2.872 / 2.019 / 1.451 / 1.167 TMACs (PixArt-α 256).
        let cost = CostModel(config: .pixartAlpha256)
        let totals = try [2, 3, 4, 5].map { n in try cost.totalMACs(try HeuristicFamily.fora(every: n).schedule(for: .pixartAlpha256)).linear }
        let expected = [2.872, 2.019, 1.451, 1.167]
        for (total, published) in zip(totals, expected) {
            #expect(abs(Double(total) / 1e12 - published) < 0.0006, "\(total)")
        }
    }

    @Test func tgateCachesCrossAttentionFromTheGateStep() throws {
        let schedule = try HeuristicFamily.tgate(gateStep: 10, selfAttentionEvery: 3, warmup: 2).schedule(for: .pixartAlpha256)
        #expect(schedule[9, 0, 1] && !schedule[10, 0, 1] && !schedule[19, 27, 1])
        #expect(schedule[1, 0, 0] && !schedule[2, 0, 0] && schedule[3, 0, 0] && schedule[11, 0, 0])
        #expect(schedule.computeFraction(of: .feedForward) == 1)
        #expect(schedule.computeFraction(of: .crossAttention) == 0.5)
        let error = try #require(throws: ECADCoreError.self) {
            try HeuristicFamily.tgate(gateStep: 10, selfAttentionEvery: 1, warmup: 2).schedule(for: .flux1Dev256)
        }
        #expect(error.description.contains("cross_attn"))
    }

    @Test func tgateSelfAttentionFollowsWarmupAndInterval() throws {
        // Before the gate: steps 0, 1 (warmup) and 5 (interval); from the gate on: all 10 steps.
        let schedule = try HeuristicFamily.tgate(gateStep: 10, selfAttentionEvery: 5, warmup: 2).schedule(for: .pixartAlpha256)
        #expect(schedule.computeFraction(of: .selfAttention) == 13.0 / 20.0)
    }

    @Test func evenlyUsesOneIntervalPerComponentKind() throws {
        let schedule = try HeuristicFamily.evenly(intervals: [.selfAttention: 2, .crossAttention: 4]).schedule(for: .pixartAlpha256)
        #expect(schedule.computeFraction(of: .selfAttention) == 0.5)
        #expect(schedule.computeFraction(of: .crossAttention) == 0.25)
        #expect(schedule.computeFraction(of: .feedForward) == 1)
        let flux = try HeuristicFamily.evenly(intervals: [.singleProjectionMLP: 5]).schedule(for: .flux1Dev256)
        #expect(flux.computeFraction(of: .singleProjectionMLP) == 0.2)
        #expect(throws: ECADCoreError.self) {
            try HeuristicFamily.evenly(intervals: [.feedForward: 2]).schedule(for: .flux1Dev256)
        }
    }

    @Test func blockRangeCachesOnlyItsBlocks() throws {
        let schedule = try HeuristicFamily.blockRange(from: 4, to: 24, every: 2).schedule(for: .pixartAlpha256)
        #expect(schedule[1, 3, 0] && !schedule[1, 4, 0] && !schedule[1, 23, 2] && schedule[1, 24, 0] && schedule[2, 10, 1])
        #expect(schedule.computeCount == 20 * 8 * 3 + 10 * 20 * 3)
        #expect(throws: ECADCoreError.self) { try HeuristicFamily.blockRange(from: 4, to: 29, every: 2).schedule(for: .pixartAlpha256) }
    }

    @Test func deltaDiTCachesRearBlocksEarlyAndFrontBlocksLate() throws {
        let schedule = try HeuristicFamily.deltaDiT(every: 2, blocks: 8, boundary: nil).schedule(for: .pixartAlpha256)
        // Early (steps < 10): blocks 20..<28 reuse on odd steps; late: blocks 0..<8 do.
        #expect(!schedule[1, 27, 0] && schedule[1, 0, 0] && schedule[2, 27, 0])
        #expect(!schedule[11, 0, 0] && schedule[11, 27, 0] && schedule[12, 0, 0])
        #expect(schedule.computeCount == 1680 - 10 * 8 * 3)
    }

    @Test func everyHeuristicFitsEveryShape() throws {
        let families: [HeuristicFamily] = [.uncached, .fora(every: 4), .blockRange(from: 0, to: 19, every: 3), .deltaDiT(every: 2, blocks: 20, boundary: 6)]
        for family in families {
            for steps in [1, 8, 20, 50] {
                let schedule = try family.schedule(for: .flux1Dev256, steps: steps)
                #expect(schedule.steps == steps && schedule.blocks == 57 && schedule.isNormalized)
            }
        }
    }
}
