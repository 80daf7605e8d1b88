import ECADCore

/// The cache-aware component executor for one sampling run under a schedule (DESIGN.md section 1).
///
/// At step `s`, a component computes when the schedule says so (step 0 always does); otherwise it returns
/// the raw output stored at the most recent step where it computed. After each use the output is kept only
/// if the next step reuses it (look-ahead), so memory holds only what a later step needs.
package struct ComponentCache: ComponentExecutor {
    /// The plan: `[steps][blocks][self_attn, cross_attn, ff]`, true = compute.
    package let schedule: Schedule
    /// The step being run; the runner advances it.
    package var step = 0
    /// MACs per component at the run's batch size, by `BlockComponent.rawValue`.
    private let componentMACs: [MACs]
    /// MACs of the components that actually computed so far.
    package private(set) var executed = MACs.zero
    /// Components computed / reused so far.
    package private(set) var computedCount = 0
    package private(set) var reusedCount = 0
    /// Bytes of stored outputs now and at their peak.
    package private(set) var currentBytes = 0
    package private(set) var peakBytes = 0
    private var stored: [Int: Tensor] = [:]

    /// Starts an empty cache for `schedule`; `componentMACs[c]` is the cost of computing component `c` once.
    package init(schedule: Schedule, componentMACs: [MACs]) {
        self.schedule = schedule
        self.componentMACs = componentMACs
    }

    package mutating func output(block: Int, component: BlockComponent, compute: () -> Tensor) -> Tensor {
        let c = component.rawValue
        let key = block * BlockComponent.allCases.count + c
        let value: Tensor
        if let cached = stored[key], !schedule.computes(step: step, block: block, component: c) {
            value = cached
            reusedCount += 1
        } else {
            value = compute()
            executed += componentMACs[c]
            computedCount += 1
        }
        let nextReuses = step + 1 < schedule.steps && !schedule.computes(step: step + 1, block: block, component: c)
        if let old = stored[key] { currentBytes -= old.byteCount }
        stored[key] = nextReuses ? value : nil
        if nextReuses { currentBytes += value.byteCount }
        peakBytes = max(peakBytes, currentBytes)
        return value
    }
}
