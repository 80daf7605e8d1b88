extension HeuristicFamily {
    /// The schedule of this heuristic for `steps` steps over `layout` (step 0 always computes).
    /// - Throws: ``ECADCoreError`` if a parameter does not fit the shape (a block range past the last block,
    ///   a gate step past the last step, a component the layout lacks).
    public func schedule(steps: Int, layout: BlockLayout) throws(ECADCoreError) -> Schedule {
        var schedule = try Schedule(steps: steps, layout: layout, filled: true)
        let rule = try computeRule(steps: steps, layout: layout)
        for step in 1..<max(steps, 1) {
            for block in 0..<layout.blockCount {
                for component in 0..<layout.componentsPerBlock {
                    schedule[step, block, component] = rule(step, block, layout.kind(block: block, component: component))
                }
            }
        }
        return schedule
    }

    /// The schedule of this heuristic for a model at its default (or the given) step count.
    public func schedule(for model: ModelConfig, steps: Int? = nil) throws(ECADCoreError) -> Schedule {
        try schedule(steps: steps ?? model.defaultSteps, layout: model.layout)
    }

    private typealias Rule = (_ step: Int, _ block: Int, _ kind: ComponentKind) -> Bool

    private func computeRule(steps: Int, layout: BlockLayout) throws(ECADCoreError) -> Rule {
        let blocks = layout.blockCount
        switch self {
        case .uncached:
            return { _, _, _ in true }
        case .fora(let every):
            return { step, _, _ in step % every == 0 }
        case .tgate(let gate, let every, let warmup):
            guard layout.componentKinds.contains(.crossAttention) else {
                throw ECADCoreError(.invalidValue, "heuristic tgate needs a cross_attn component; this layout has none")
            }
            guard gate <= steps else { throw ECADCoreError(.invalidValue, "heuristic tgate: k=\(gate) is past the last step (\(steps))") }
            return { step, _, kind in
                switch kind {
                case .crossAttention: step < gate
                case .selfAttention: step >= gate || step < warmup || step % every == 0
                default: true
                }
            }
        case .evenly(let intervals):
            if let missing = intervals.keys.first(where: { !layout.componentKinds.contains($0) }) {
                throw ECADCoreError(.invalidValue, "heuristic evenly: this layout has no component \(missing.rawValue)")
            }
            return { step, _, kind in intervals[kind].map { step % $0 == 0 } ?? true }
        case .blockRange(let from, let to, let every):
            guard from < to, to <= blocks else {
                throw ECADCoreError(.invalidValue, "heuristic blocks: need from < to <= \(blocks), got from=\(from), to=\(to)")
            }
            return { step, block, _ in !(from..<to).contains(block) || step % every == 0 }
        case .deltaDiT(let every, let count, let boundary):
            let split = boundary ?? steps / 2
            guard count <= blocks, split <= steps else {
                throw ECADCoreError(.invalidValue, "heuristic deltadit: need blocks <= \(blocks) and k <= \(steps), got blocks=\(count), k=\(split)")
            }
            return { step, block, _ in
                let cached = step < split ? block >= blocks - count : block < count
                return !cached || step % every == 0
            }
        }
    }
}
