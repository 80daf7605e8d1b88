import Testing

@testable import ECADSearch

/// The surrogate's parts: schedule features, the ridge fit, the screen, and screened breeding in ``NSGA2State``.
struct SurrogateTests {
    @Test func featuresCountCachedCellsAndStalenessPerPhaseAndComponent() throws {
        // 4 steps × 1 block × 2 components, 2 phases (steps 0-1, 2-3). Component 0 computes every step; component 1
        // reuses at steps 1, 2 and 3 (ages 1, 2, 3).
        let features = try ScheduleFeatures(steps: 4, blocks: 1, components: 2, phases: 2)
        let genome = Genome(bits: [true, true, true, false, true, false, true, false])
        #expect(features.count == 8)
        let expected: [Double] = [0, 0.5, 0, 1, 0, 0.125, 0, 0.625]
        #expect(features(genome) == expected)
        #expect(try ScheduleFeatures(steps: 3, blocks: 2, components: 3, phases: 9).phases == 3)
        #expect(throws: SearchError.self) { try ScheduleFeatures(steps: 0, blocks: 1, components: 1) }
    }

    @Test func ridgeRecoversALinearFunctionAndRefusesBadSamples() throws {
        var rng = Xoshiro256StarStar(seed: 5)
        let rows = (0..<40).map { _ in (0..<3).map { _ in Double(rng.nextIndex(below: 1000)) / 1000 } }
        let targets = rows.map { 0.5 + 2 * $0[0] - 1 * $0[1] + 0 * $0[2] }
        let model = try RidgeSurrogate(features: rows, targets: targets, lambda: 1e-9)
        #expect(abs(model.weights[0] - 2) < 1e-6 && abs(model.weights[1] + 1) < 1e-6 && abs(model.weights[2]) < 1e-6)
        #expect(abs(model.predict([1, 1, 1]) - 1.5) < 1e-6)
        let shrunk = try RidgeSurrogate(features: rows, targets: targets, lambda: 100)
        #expect(abs(shrunk.weights[0]) < abs(model.weights[0]))
        #expect(throws: SearchError.self) { try RidgeSurrogate(features: [], targets: [], lambda: 1) }
        #expect(throws: SearchError.self) { try RidgeSurrogate(features: rows, targets: targets, lambda: 0) }
        #expect(throws: SearchError.self) { try RidgeSurrogate(features: [[1, .nan]], targets: [1], lambda: 1) }
    }

    /// Reward falls with each reused bit of the first two steps; cost is the computed fraction.
    private static func reward(_ genome: Genome) -> Double {
        1 - Double((0..<(genome.count / 2)).filter { !genome[$0] }.count) / Double(genome.count)
    }

    @Test func theScreenKeepsThePredictedFrontAcrossCosts() throws {
        let features = try ScheduleFeatures(steps: 4, blocks: 2, components: 2, phases: 2)
        var rng = Xoshiro256StarStar(seed: 9)
        let samples = (0..<30).map { _ in
            let genome = Genome.random(count: 16, using: &rng)
            return SurrogateSample(genome: genome, reward: Self.reward(genome))
        }
        let pool = (0..<40).map { _ in Genome.random(count: 16, using: &rng) }
        let costs = pool.map { Double($0.onesCount) / 16 }
        let screen = SurrogateScreen(features: features)
        let picked = try screen.pick(pool, costs: costs, samples: samples, count: 10)
        #expect(picked.count == 10 && picked == picked.sorted())
        // Versus the children a plain search would take (the first 10 bred): the true front of the picks is better.
        let truth = pool.map { Evaluation(objectives: [-Self.reward($0), Double($0.onesCount) / 16]) }
        let reference = (0.0, 1.05)
        let pickedVolume = Hypervolume.twoDimensional(picked.map { (truth[$0].objectives[0], truth[$0].objectives[1]) }, reference: reference)
        let firstVolume = Hypervolume.twoDimensional((0..<10).map { (truth[$0].objectives[0], truth[$0].objectives[1]) }, reference: reference)
        #expect(pickedVolume > firstVolume)
        #expect(try screen.pick(pool, costs: costs, samples: Array(samples.prefix(3)), count: 10) == Array(0..<10))
        #expect(throws: SearchError.self) { try screen.pick(pool, costs: [], samples: samples, count: 10) }
    }

    @Test func screenedBreedingArchivesOnlyThePicksAndIsDeterministic() throws {
        let shape = try ProblemShape(genomeLength: 16, objectiveCount: 2)
        let configuration = try NSGA2Configuration(populationSize: 6)
        func started() throws -> NSGA2State {
            var state = NSGA2State(shape: shape, configuration: configuration, seed: 3)
            let batch = try state.initialize(seeds: [])
            try state.tell(results: Dictionary(uniqueKeysWithValues: batch.enumerated().map { index, genome in
                (index, Evaluation(objectives: [-Self.reward(genome), Double(genome.onesCount) / 16]))
            }))
            return state
        }
        var state = try started()
        var pools: [[Genome]] = []
        let batch = try state.nextOffspring(poolFactor: 3) { pool throws(SearchError) in
            pools.append(pool)
            return [pool.count - 1, 0, 2]
        }
        let pool = try #require(pools.first)
        #expect(pool.count == 18 && Set(pool).count == 18)
        #expect(batch == [pool[0], pool[2], pool[17]])
        #expect(state.archive.count == 6 + 3)
        #expect(!state.archive.contains(pool[1]))
        // The same state breeds the same pool; a pending batch comes back without screening again.
        var again = try started()
        #expect(try again.nextOffspring(poolFactor: 3) { _ throws(SearchError) in [pool.count - 1, 0, 2] } == batch)
        #expect(try state.nextOffspring(poolFactor: 3) { _ throws(SearchError) in [] } == batch)
        var bad = try started()
        #expect(throws: SearchError.self) { try bad.nextOffspring(poolFactor: 3) { _ throws(SearchError) in Array(0..<7) } }
        #expect(throws: SearchError.self) { try bad.nextOffspring(poolFactor: 0) { _ throws(SearchError) in [] } }
    }
}
