/// Exact analytic MAC counts of a model's components and of the rest of each step.
///
/// Counts Linear and Conv MACs (weights × tokens × batch) and, separately, the attention products QKᵀ and
/// AV. Norms, activations, softmax, RoPE and elementwise gating are not counted (as calflops does not count
/// them as MACs). Costs are per denoising step at ``batch`` sequences.
///
/// The reference ECAD convention is ``MACs/linear`` at batch 2 for every model (``referenceBatch``): it
/// gives the published 285.69 GMACs per full PixArt-256 step and 9,934.6 GMACs per full FLUX-256 step.
public struct CostModel: Sendable {
    /// The batch the reference counter used for every model (CFG for PixArt, and also for FLUX).
    public static let referenceBatch = 2

    /// The model costed.
    public let config: ModelConfig
    /// Sequences per transformer call.
    public let batch: Int

    /// A cost model at `batch` sequences per call (the model's own ``ModelConfig/batch`` when nil).
    public init(config: ModelConfig, batch: Int? = nil) {
        self.config = config
        self.batch = batch ?? config.batch
    }

    /// The reference code's convention: batch 2; read ``MACs/linear``.
    public static func reference(_ config: ModelConfig) -> CostModel {
        CostModel(config: config, batch: referenceBatch)
    }

    /// MACs of one computation of `kind` in one block, per step, at ``batch``.
    /// - Throws: ``ECADCoreError`` if the model has no such component.
    public func componentMACs(_ kind: ComponentKind) throws(ECADCoreError) -> MACs {
        guard let macs = perSequenceComponent(kind) else {
            throw ECADCoreError(.unknownName, "model \(config.id) has no component \(kind.rawValue)")
        }
        return macs * batch
    }

    /// The non-cacheable parts of one step at ``batch``, by name (embeddings, modulation, final layer).
    public var restParts: [(name: String, macs: MACs)] {
        perSequenceRest.map { ($0.name, $0.macs * batch) }
    }

    /// MACs of one step that no schedule can skip.
    public var restMACs: MACs { restParts.reduce(.zero) { $0 + $1.macs } }

    /// MACs of one uncached step.
    public var fullStepMACs: MACs {
        let layout = config.layout
        var sum = restMACs
        for group in layout.groups {
            for kind in group.type.components { sum += ((try? componentMACs(kind)) ?? .zero) * group.count }
        }
        return sum
    }

    /// MACs of step `step` of `schedule` (step 0 counts as fully computed).
    public func stepMACs(_ schedule: Schedule, step: Int) throws(ECADCoreError) -> MACs {
        try checkLayout(schedule)
        var sum = restMACs
        for block in 0..<schedule.blocks {
            for component in 0..<schedule.components where schedule.computes(step: step, block: block, component: component) {
                sum += try componentMACs(schedule.layout.kind(block: block, component: component))
            }
        }
        return sum
    }

    /// MACs of a whole run of `schedule`.
    public func totalMACs(_ schedule: Schedule) throws(ECADCoreError) -> MACs {
        var sum = MACs.zero
        for step in 0..<schedule.steps { sum += try stepMACs(schedule, step: step) }
        return sum
    }

    /// Uncached MACs over total MACs of `schedule` at the same step count.
    public func speedup(_ schedule: Schedule, includingAttentionScores: Bool) throws(ECADCoreError) -> Double {
        let uncached = fullStepMACs.value(includingAttentionScores: includingAttentionScores) * schedule.steps
        return Double(uncached) / Double(try totalMACs(schedule).value(includingAttentionScores: includingAttentionScores))
    }

    private func checkLayout(_ schedule: Schedule) throws(ECADCoreError) {
        guard schedule.layout == config.layout else {
            throw ECADCoreError(
                .invalidShape,
                "schedule has \(schedule.blocks) blocks (\(schedule.layout.groups.map { "\($0.count) \($0.type.rawValue)" }.joined(separator: " + "))), model \(config.id) has \(config.layout.blockCount)"
            )
        }
    }
}
