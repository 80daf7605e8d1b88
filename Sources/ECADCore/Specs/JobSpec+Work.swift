extension JobSpec {
    /// The job's total work in image-steps (images generated × sampler steps), saturating at `Int.max`, for the
    /// ``SpecLimits/work`` bound checked at submit:
    /// - generate: prompts × images per prompt × steps;
    /// - evaluate: (schedule sources + the baseline) × prompts × images per prompt × steps (a heuristic family or
    ///   a front counts once);
    /// - search: candidates × prompts × images per prompt × steps, where candidates is population ×
    ///   (generations + 1), with the limit's generations when `budgets.generations` is 0, and at most
    ///   `budgets.evaluations`.
    /// - Parameter promptCount: the prompts the job runs on, after `prompt_limit`.
    public func work(promptCount: Int, limits: SpecLimits) -> Int {
        switch self {
        case .generate(let spec):
            return Self.product([promptCount, spec.setup.imagesPerPrompt, spec.setup.sampler.steps])
        case .evaluate(let spec):
            let candidates = spec.schedules.count + (spec.includeBaseline ? 1 : 0)
            return Self.product([candidates, promptCount, spec.setup.imagesPerPrompt, spec.setup.sampler.steps])
        case .search(let spec):
            let generations = spec.budgets.generations > 0 ? spec.budgets.generations : limits.generations
            var candidates = Self.product([spec.resolvedPopulation, generations + 1])
            if let evaluations = spec.budgets.evaluations { candidates = min(candidates, evaluations) }
            return Self.product([candidates, promptCount, spec.setup.imagesPerPrompt, spec.setup.sampler.steps])
        }
    }

    /// The product of `factors`, or `Int.max` when it overflows.
    private static func product(_ factors: [Int]) -> Int {
        factors.reduce(1) { total, factor in
            let (result, overflow) = total.multipliedReportingOverflow(by: factor)
            return overflow ? Int.max : result
        }
    }
}
