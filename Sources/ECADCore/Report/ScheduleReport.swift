/// A summary of a schedule for a model: shape, compute fractions, MACs and MAC speedup.
///
/// Built by `ecad schedule info`; `Codable` for its `--json` output and ``text`` for people.
public struct ScheduleReport: Hashable, Sendable, Codable {
    /// One component kind's share of compute bits.
    public struct KindShare: Hashable, Sendable, Codable {
        /// Component kind name.
        public let kind: String
        /// Compute bits of this kind.
        public let compute: Int
        /// Bits of this kind.
        public let total: Int
        /// `compute / total`.
        public let fraction: Double
    }

    /// Schedule name, if any.
    public let name: String?
    /// Model the costs are for.
    public let model: String
    /// Schedule digest (hex).
    public let digest: String
    /// Steps, blocks, component slots.
    public let steps: Int, blocks: Int, components: Int
    /// Layout, e.g. `28 pixart` or `19 flux_double + 38 flux_single`.
    public let layout: String
    /// Share of all stored bits that compute.
    public let computeFraction: Double
    /// Per component kind.
    public let kinds: [KindShare]
    /// Whether step 0 is stored as all-compute (it computes at run time either way).
    public let stepZeroNormalized: Bool
    /// Sequences per transformer call used for ``macs`` and ``uncachedMACs``.
    public let batch: Int
    /// MACs of the schedule over all steps, at ``batch``.
    public let macs: MACs
    /// MACs of the uncached schedule with the same step count, at ``batch``.
    public let uncachedMACs: MACs
    /// Uncached / cached MACs, linear layers only (the reference convention).
    public let speedup: Double
    /// Uncached / cached MACs including the attention score products.
    public let speedupWithAttentionScores: Double
    /// Linear MACs at batch 2: directly comparable with a reference file's `metrics.total_macs`.
    public let referenceConventionMACs: Int

    /// Builds the report of `document`'s schedule on `model`.
    /// - Throws: ``ECADCoreError`` if the schedule's layout does not match the model.
    public init(document: ScheduleDocument, model: ModelConfig) throws(ECADCoreError) {
        let schedule = document.schedule
        let cost = CostModel(config: model)
        let uncached = try Schedule(steps: schedule.steps, layout: schedule.layout, filled: true)
        name = document.name
        self.model = model.id
        digest = document.digest.hex
        steps = schedule.steps
        blocks = schedule.blocks
        components = schedule.components
        layout = schedule.layout.groups.map { "\($0.count) \($0.type.rawValue)" }.joined(separator: " + ")
        computeFraction = schedule.computeFraction
        kinds = schedule.kindCounts.map { KindShare(kind: $0.kind.rawValue, compute: $0.compute, total: $0.total, fraction: $0.fraction) }
        stepZeroNormalized = schedule.isNormalized
        batch = cost.batch
        macs = try cost.totalMACs(schedule)
        uncachedMACs = try cost.totalMACs(uncached)
        speedup = Double(uncachedMACs.linear) / Double(macs.linear)
        speedupWithAttentionScores = Double(uncachedMACs.total) / Double(macs.total)
        referenceConventionMACs = try CostModel.reference(model).totalMACs(schedule).linear
    }

    /// A few aligned lines for a terminal.
    public var text: String {
        var lines: [String] = []
        if let name { lines.append("name:     \(name)") }
        lines.append("model:    \(model)")
        lines.append("digest:   \(digest)")
        lines.append("shape:    \(steps) steps × \(blocks) blocks × \(components) components (\(layout))")
        lines.append("compute:  \(Self.percent(computeFraction)) of \(steps * blocks * components) bits\(stepZeroNormalized ? "" : " (step 0 has reuse bits; it computes anyway)")")
        for share in kinds {
            lines.append("  \(share.kind.padding(16)) \(Self.percent(share.fraction).padding(7, left: true))  (\(share.compute)/\(share.total))")
        }
        lines.append("MACs (batch \(batch)):  \(Self.tera(macs.linear)) linear, \(Self.tera(macs.total)) with attention scores")
        lines.append("uncached:        \(Self.tera(uncachedMACs.linear)) linear, \(Self.tera(uncachedMACs.total)) with attention scores")
        lines.append("MAC speedup:     \(Self.ratio(speedup)) linear, \(Self.ratio(speedupWithAttentionScores)) with attention scores")
        lines.append("reference-convention MACs (linear, batch 2): \(referenceConventionMACs) (\(Self.tera(referenceConventionMACs)))")
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { Self.fixed(value * 100, digits: 1) + "%" }
    static func ratio(_ value: Double) -> String { Self.fixed(value, digits: 2) + "x" }
    static func tera(_ value: Int) -> String { Self.fixed(Double(value) / 1e12, digits: 3) + " TMACs" }

    /// `value` with exactly `digits` decimals (no Foundation formatting).
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = String(scaled / Int(scale))
        let fraction = String(scaled % Int(scale))
        let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        return (value < 0 && scaled != 0 ? "-" : "") + whole + (digits > 0 ? "." + padded : "")
    }
}

extension String {
    /// Pads with spaces to `width` characters (on the left when `left`).
    fileprivate func padding(_ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return left ? pad + self : self + pad
    }
}
