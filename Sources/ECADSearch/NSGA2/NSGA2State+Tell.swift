extension NSGA2State {
    /// Records the result for `pending[index]`. Results may arrive in any order; when the last one
    /// arrives, rank-and-crowding survival over population ∪ batch runs and the batch is cleared.
    /// Telling the same result twice is a no-op; a different one for the same index is an error.
    /// Returns whether this result completed the batch.
    @discardableResult
    public mutating func tell(_ evaluation: Evaluation, at index: Int) throws(SearchError) -> Bool {
        try check(evaluation, at: index)
        return record([(index, evaluation)])
    }

    /// Records several results at once (all are validated before any is recorded).
    /// Returns whether they completed the batch.
    @discardableResult
    public mutating func tell(results received: [Int: Evaluation]) throws(SearchError) -> Bool {
        let ordered = received.sorted { $0.key < $1.key }
        for (index, evaluation) in ordered {
            try check(evaluation, at: index)
        }
        return record(ordered.map { ($0.key, $0.value) })
    }

    /// Runs one ask/evaluate/tell round in-process: evaluates whatever of the current batch is missing
    /// (asking for a new batch first when none is out). Throws if the search has not started or the
    /// problem's shape differs.
    public mutating func step(_ problem: some BinaryProblem) throws(SearchError) {
        guard problem.shape == shape else {
            throw .invalidConfiguration("problem shape \(problem.shape) differs from the search's \(shape)")
        }
        _ = try nextOffspring()
        for index in missingIndices {
            try tell(problem.evaluate(pending[index]), at: index)
        }
    }

    private func check(_ evaluation: Evaluation, at index: Int) throws(SearchError) {
        guard phase == .awaitingResults else {
            throw .invalidPhase("no batch is awaiting results (phase \(phase.rawValue))")
        }
        guard results.indices.contains(index) else {
            throw .invalidResult("candidate index \(index) is outside the batch 0..<\(pending.count)")
        }
        try shape.validate(evaluation)
        if let earlier = results[index], earlier != evaluation {
            throw .invalidResult("candidate \(index) already has a different result")
        }
    }

    private mutating func record(_ received: [(Int, Evaluation)]) -> Bool {
        for (index, evaluation) in received where results[index] == nil {
            results[index] = evaluation
            evaluationCount += 1
        }
        guard !missingIndices.isEmpty else {
            completeBatch()
            return true
        }
        return false
    }

    private mutating func completeBatch() {
        let wasInitial = population.isEmpty
        var merged = population
        for (genome, evaluation) in zip(pending, results) {
            if let evaluation { merged.append(EvaluatedGenome(genome: genome, evaluation: evaluation)) }
        }
        let ranking = Ranking(merged.map(\.evaluation))
        population = ranking.survivors(configuration.populationSize).map { merged[$0] }
        pending = []
        results = []
        if !wasInitial { generation += 1 }
    }
}
