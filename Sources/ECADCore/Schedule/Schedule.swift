/// A caching schedule: a binary tensor `[S][B][C]` over steps, blocks and component slots.
///
/// `true` (1) = compute the component at that step; `false` (0) = reuse its raw output from the most
/// recent step at which it was computed. The bits are packed 64 to a word in flat order
/// `index = (step * B + block) * C + component` (step-major, then block, then component), the same order
/// as ``bits`` and as the reference code's genome.
///
/// Step 0 always computes at run time (nothing has been cached yet), whatever its bits say. The type stores
/// bits exactly as given, so imported schedules keep their (dead) step-0 bits and convert back losslessly;
/// ``normalized()`` sets step 0 to all-compute, and ``isNormalized`` tells whether it already is. Cost
/// models count step 0 as computed either way. Heuristics always produce normalized schedules.
public struct Schedule: Hashable, Sendable {
    /// Number of denoising steps (S).
    public let steps: Int
    /// Block types along the block axis.
    public let layout: BlockLayout
    private var words: [UInt64]

    /// Number of blocks (B).
    public var blocks: Int { layout.blockCount }
    /// Component slots per block (C).
    public var components: Int { layout.componentsPerBlock }
    /// Total number of bits, S × B × C.
    public var bitCount: Int { steps * blocks * components }

    /// Creates a schedule with every bit set to `filled` (`true` = the uncached schedule).
    /// - Throws: ``ECADCoreError`` if `steps` is not in 1...10_000.
    public init(steps: Int, layout: BlockLayout, filled: Bool) throws(ECADCoreError) {
        guard steps >= 1, steps <= 10_000 else {
            throw ECADCoreError(.invalidShape, "steps must be in 1...10000, got \(steps)")
        }
        self.steps = steps
        self.layout = layout
        let count = steps * layout.blockCount * layout.componentsPerBlock
        self.words = Array(repeating: filled ? UInt64.max : 0, count: (count + 63) / 64)
        if filled { clearPadding() }
    }

    /// Creates a schedule from flat bits in step-major, block, component order.
    /// - Throws: ``ECADCoreError`` if `bits.count` is not S × B × C.
    public init(steps: Int, layout: BlockLayout, bits: [Bool]) throws(ECADCoreError) {
        try self.init(steps: steps, layout: layout, filled: false)
        guard bits.count == bitCount else {
            throw ECADCoreError(
                .invalidShape,
                "expected \(bitCount) bits (\(steps) steps × \(blocks) blocks × \(components) components), got \(bits.count)"
            )
        }
        for (index, bit) in bits.enumerated() where bit { setBit(index, true) }
    }

    /// The bit of `component` in `block` at `step`; `true` = compute.
    public subscript(step: Int, block: Int, component: Int) -> Bool {
        get { bit(flatIndex(step: step, block: block, component: component)) }
        set { setBit(flatIndex(step: step, block: block, component: component), newValue) }
    }

    /// The bit at a flat index in step-major, block, component order.
    public func bit(_ index: Int) -> Bool {
        precondition(index >= 0 && index < bitCount, "bit index \(index) out of range 0..<\(bitCount)")
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Sets the bit at a flat index in step-major, block, component order.
    public mutating func setBit(_ index: Int, _ value: Bool) {
        precondition(index >= 0 && index < bitCount, "bit index \(index) out of range 0..<\(bitCount)")
        let mask: UInt64 = 1 << UInt64(index & 63)
        if value { words[index >> 6] |= mask } else { words[index >> 6] &= ~mask }
    }

    /// All bits, flat, in step-major, block, component order (the GA genome).
    public var bits: [Bool] { (0..<bitCount).map(bit) }

    /// The flat index of a (step, block, component) triple.
    public func flatIndex(step: Int, block: Int, component: Int) -> Int {
        precondition(step >= 0 && step < steps, "step \(step) out of range 0..<\(steps)")
        precondition(block >= 0 && block < blocks, "block \(block) out of range 0..<\(blocks)")
        precondition(component >= 0 && component < components, "component \(component) out of range 0..<\(components)")
        return (step * blocks + block) * components + component
    }

    /// Whether the component runs at `step` at inference time: its bit, except that step 0 always runs.
    public func computes(step: Int, block: Int, component: Int) -> Bool {
        step == 0 || self[step, block, component]
    }

    /// Whether every step-0 bit is set.
    public var isNormalized: Bool {
        (0..<(blocks * components)).allSatisfy(bit)
    }

    /// A copy with every step-0 bit set to compute, which is what inference does anyway.
    public func normalized() -> Schedule {
        var copy = self
        for index in 0..<(blocks * components) { copy.setBit(index, true) }
        return copy
    }

    /// Number of set (compute) bits, over all steps including step 0.
    public var computeCount: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    private mutating func clearPadding() {
        let used = bitCount & 63
        if used != 0, let last = words.indices.last { words[last] &= (1 << UInt64(used)) - 1 }
    }
}
