import ECADSearch
import Foundation
import Testing

struct NSGA2StateTests {
    private let problem: ZDTProblem
    private let configuration: NSGA2Configuration

    init() throws {
        problem = try ZDTProblem(.zdt1, variables: 6, bitsPerVariable: 5)
        configuration = try NSGA2Configuration(populationSize: 16)
    }

    private func started(seed: UInt64 = 1) throws -> NSGA2State {
        var state = NSGA2State(shape: problem.shape, configuration: configuration, seed: seed)
        try state.initialize(seeds: [])
        return state
    }

    private func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    @Test func callsOutOfOrderAreRefused() throws {
        var fresh = NSGA2State(shape: problem.shape, configuration: configuration, seed: 1)
        #expect(fresh.phase == .notStarted)
        #expect(throws: SearchError.self) { try fresh.nextOffspring() }
        #expect(throws: SearchError.self) { try fresh.tell(Evaluation(objectives: [0, 0]), at: 0) }
        var state = try started()
        #expect(throws: SearchError.self) { try state.initialize(seeds: []) }
        #expect(throws: SearchError.self) { try state.tell(Evaluation(objectives: [0, 0]), at: 16) }
        #expect(throws: SearchError.self) { try state.tell(Evaluation(objectives: [0]), at: 0) }
        #expect(throws: SearchError.self) { try state.tell(Evaluation(objectives: [0, .nan]), at: 0) }
        try state.tell(Evaluation(objectives: [1, 1]), at: 0)
        try state.tell(Evaluation(objectives: [1, 1]), at: 0)
        #expect(state.evaluationCount == 1)
        #expect(throws: SearchError.self) { try state.tell(Evaluation(objectives: [2, 2]), at: 0) }
    }

    @Test func initializationPutsDistinctSeedsFirstAndFillsWithRandomGenomes() throws {
        var state = NSGA2State(shape: problem.shape, configuration: configuration, seed: 1)
        let zero = Genome(count: 30)
        let ones = Genome(bits: [Bool](repeating: true, count: 30))
        #expect(throws: SearchError.self) { try state.initialize(seeds: [Genome(count: 29)]) }
        let batch = try state.initialize(seeds: [zero, ones, zero])
        #expect(batch.count == 16)
        #expect(Array(batch.prefix(2)) == [zero, ones])
        #expect(Set(batch).count == 16)
        #expect(state.phase == .awaitingResults)
        #expect(state.missingIndices == Array(0..<16))

        var extra = NSGA2State(shape: problem.shape, configuration: configuration, seed: 1)
        let larger = try extra.initialize(seeds: [zero], randomCount: 40)
        #expect(larger.count == 41)
    }

    @Test func theBatchIsReturnedUnchangedUntilItIsComplete() throws {
        var state = try started()
        let batch = try state.nextOffspring()
        let again = try state.nextOffspring()
        #expect(again == batch)
        for index in 0..<(batch.count - 1) {
            let completed = try state.tell(problem.evaluate(batch[index]), at: index)
            #expect(!completed)
        }
        #expect(state.missingIndices == [batch.count - 1])
        let completed = try state.tell(problem.evaluate(batch[batch.count - 1]), at: batch.count - 1)
        #expect(completed)
        #expect(state.phase == .readyForOffspring)
        #expect(state.generation == 0)
        #expect(state.population.count == 16)
        let offspring = try state.nextOffspring()
        #expect(!offspring.isEmpty)
        #expect(offspring.allSatisfy { !batch.contains($0) })
    }

    @Test func noGenomeIsAskedForTwice() throws {
        var state = try started()
        var asked: Set<Genome> = []
        var total = 0
        for _ in 0..<30 {
            let batch = try state.nextOffspring()
            asked.formUnion(batch)
            total += batch.count
            try state.step(problem)
        }
        #expect(asked.count == total)
        #expect(state.archive.count == total)
        #expect(state.generation == 29)
    }

    @Test func resultsArePlacedByIndexWhateverTheArrivalOrder() throws {
        var inOrder = try started(seed: 5)
        var shuffled = try started(seed: 5)
        for generation in 0..<6 {
            let batch = try inOrder.nextOffspring()
            let shuffledBatch = try shuffled.nextOffspring()
            #expect(shuffledBatch == batch)
            let results = batch.map(problem.evaluate)
            for index in batch.indices { try inOrder.tell(results[index], at: index) }
            var order = Array(batch.indices)
            var rng = Xoshiro256StarStar(seed: UInt64(100 + generation))
            for position in order.indices.reversed() {
                order.swapAt(position, rng.nextIndex(below: position + 1))
            }
            let half = order.count / 2
            try shuffled.tell(results: Dictionary(uniqueKeysWithValues: order.prefix(half).map { ($0, results[$0]) }))
            for index in order.dropFirst(half) { try shuffled.tell(results[index], at: index) }
            #expect(try encoded(shuffled) == encoded(inOrder))
        }
    }

    @Test func sameSeedSameResultsGiveTheSameStates() throws {
        var first = try started(seed: 8)
        var second = try started(seed: 8)
        var other = try started(seed: 9)
        for _ in 0..<10 {
            try first.step(problem)
            try second.step(problem)
            try other.step(problem)
            #expect(try encoded(first) == encoded(second))
        }
        #expect(first.pending != other.pending || first.population != other.population)
    }

    @Test(arguments: [0, 3, 7])
    func resumingFromJSONMidBatchGivesTheSameFinalFront(stopCount: Int) throws {
        var straight = try started(seed: 3)
        while straight.generation < 11 { try straight.step(problem) }

        var interrupted = try started(seed: 3)
        for _ in 0..<5 { try interrupted.step(problem) }
        let batch = try interrupted.nextOffspring()
        for index in stride(from: batch.count - 1, to: max(-1, batch.count - 1 - stopCount), by: -1) {
            try interrupted.tell(problem.evaluate(batch[index]), at: index)
        }
        var resumed = try JSONDecoder().decode(NSGA2State.self, from: encoded(interrupted))
        #expect(resumed == interrupted)
        while resumed.generation < 11 { try resumed.step(problem) }
        #expect(try encoded(resumed.front) == encoded(straight.front))
        #expect(try encoded(resumed) == encoded(straight))
    }

    @Test func frontHoldsOnlyFeasibleNondominatedMembers() throws {
        let constrained = try ConstrainedProblem(inner: problem)
        var state = NSGA2State(shape: constrained.shape, configuration: configuration, seed: 2)
        try state.initialize(seeds: [])
        for _ in 0..<15 { try state.step(constrained) }
        let front = state.front
        #expect(!front.isEmpty)
        #expect(front.allSatisfy { $0.evaluation.isFeasible })
        for member in front {
            #expect(!state.population.contains { $0.evaluation.constrainedDominates(member.evaluation) })
        }
    }

    @Test func aTinySpaceRunsOutOfNewGenomesWithoutRepeating() throws {
        let tiny = try TinyProblem()
        var state = NSGA2State(shape: tiny.shape, configuration: try NSGA2Configuration(populationSize: 4), seed: 1)
        try state.initialize(seeds: [])
        for _ in 0..<10 { try state.step(tiny) }
        #expect(state.archive.count <= 8)
        #expect(state.generation == 9)
        let before = state.archive.count
        let batch = try state.nextOffspring()
        #expect(before + batch.count <= 8)
    }
}

/// The ZDT problem with one constraint: f1 ≥ 0.3 (g = 0.3 − f1 ≤ 0).
private struct ConstrainedProblem: BinaryProblem {
    let inner: ZDTProblem
    let shape: ProblemShape

    init(inner: ZDTProblem) throws {
        self.inner = inner
        shape = try ProblemShape(genomeLength: inner.shape.genomeLength, objectiveCount: 2, constraintCount: 1)
    }

    func evaluate(_ genome: Genome) -> Evaluation {
        let objectives = inner.evaluate(genome).objectives
        return Evaluation(objectives: objectives, constraints: [0.3 - objectives[0]])
    }
}

/// Three bits, two objectives: the number of ones and the number of zeros.
private struct TinyProblem: BinaryProblem {
    let shape: ProblemShape

    init() throws {
        shape = try ProblemShape(genomeLength: 3, objectiveCount: 2)
    }

    func evaluate(_ genome: Genome) -> Evaluation {
        Evaluation(objectives: [Double(genome.onesCount), Double(3 - genome.onesCount)])
    }
}

struct NSGA2CheckpointTests {
    private func checkpoint() throws -> String {
        let problem = try ZDTProblem(.zdt1, variables: 2, bitsPerVariable: 4)
        var state = NSGA2State(shape: problem.shape, configuration: try NSGA2Configuration(populationSize: 4), seed: 1)
        try state.initialize(seeds: [])
        try state.step(problem)
        _ = try state.nextOffspring()
        return String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
    }

    @Test func damagedCheckpointsAreRefused() throws {
        let good = try checkpoint()
        #expect(throws: Never.self) { try JSONDecoder().decode(NSGA2State.self, from: Data(good.utf8)) }
        let damaged = [
            good.replacingOccurrences(of: #""populationSize":4"#, with: #""populationSize":0"#),
            good.replacingOccurrences(of: #""results":[null,"#, with: #""results":["#),
            good.replacingOccurrences(of: #""genomeLength":8"#, with: #""genomeLength":9"#),
            good.replacingOccurrences(of: #""probability":0.9"#, with: #""probability":9"#),
        ]
        for text in damaged {
            #expect(text != good)
            #expect(throws: (any Error).self) { try JSONDecoder().decode(NSGA2State.self, from: Data(text.utf8)) }
        }
    }
}
