extension Schedule {
    /// How many bits of one component kind are set, and out of how many.
    public struct KindCount: Hashable, Sendable, Codable {
        /// Component kind counted.
        public let kind: ComponentKind
        /// Number of compute bits of this kind (stored bits, step 0 included as stored).
        public let compute: Int
        /// Number of bits of this kind.
        public let total: Int
        /// `compute / total`.
        public var fraction: Double { total == 0 ? 0 : Double(compute) / Double(total) }
    }

    /// Set bits per component kind, in ``BlockLayout/componentKinds`` order.
    public var kindCounts: [KindCount] {
        var compute = [ComponentKind: Int]()
        var total = [ComponentKind: Int]()
        for step in 0..<steps {
            for block in 0..<blocks {
                for component in 0..<components {
                    let kind = layout.kind(block: block, component: component)
                    total[kind, default: 0] += 1
                    if self[step, block, component] { compute[kind, default: 0] += 1 }
                }
            }
        }
        return layout.componentKinds.map {
            KindCount(kind: $0, compute: compute[$0, default: 0], total: total[$0, default: 0])
        }
    }

    /// Share of all bits that are set (stored bits).
    public var computeFraction: Double { Double(computeCount) / Double(bitCount) }

    /// Share of the bits of `kind` that are set, or nil if the layout has no such component.
    public func computeFraction(of kind: ComponentKind) -> Double? {
        kindCounts.first { $0.kind == kind }?.fraction
    }
}
