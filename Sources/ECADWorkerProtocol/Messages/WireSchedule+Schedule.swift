import ECADCore

extension WireSchedule {
    /// The wire form of `schedule` (component names from its first block group, as the schedule format lists
    /// them).
    public init(schedule: Schedule) {
        self.init(
            steps: schedule.steps, blocks: schedule.blocks,
            components: (schedule.layout.groups.first?.type.components ?? []).map(\.rawValue),
            bits: schedule.base64Bits)
    }
}
