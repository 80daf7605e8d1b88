/// The sequence of block types along the block axis of a schedule.
///
/// A layout is a list of groups, each a run of blocks of one ``BlockType``. PixArt is one group of 28
/// `pixart` blocks; FLUX.1 is 19 `flux_double` blocks followed by 38 `flux_single` blocks, so a FLUX
/// schedule is a `[S][57][3]` tensor whose slot `c` means `BlockType.components[c]` of block `b`'s type.
/// This matches the reference genome order (double blocks, then single blocks, per step).
public struct BlockLayout: Hashable, Sendable {
    /// A run of `count` consecutive blocks of one type.
    public struct Group: Hashable, Sendable {
        /// The block type of every block in the run.
        public let type: BlockType
        /// Number of blocks in the run (at least 1).
        public let count: Int
    }

    /// The runs, in block order.
    public let groups: [Group]
    /// Total number of blocks (B).
    public let blockCount: Int

    /// Creates a layout from runs of blocks.
    /// - Throws: ``ECADCoreError`` if there are no blocks, a run is empty, or two adjacent runs share a type.
    public init(groups: [(type: BlockType, count: Int)]) throws(ECADCoreError) {
        guard !groups.isEmpty else { throw ECADCoreError(.invalidShape, "a block layout needs at least one block") }
        var total = 0
        for (index, group) in groups.enumerated() {
            guard group.count >= 1, group.count <= 4096 else {
                throw ECADCoreError(.invalidShape, "layout group \(index) has \(group.count) blocks; expected 1...4096")
            }
            if index > 0, groups[index - 1].type == group.type {
                throw ECADCoreError(.invalidShape, "layout groups \(index - 1) and \(index) have the same type; merge them")
            }
            total += group.count
        }
        self.groups = groups.map { Group(type: $0.type, count: $0.count) }
        self.blockCount = total
    }

    /// A PixArt layout of `blocks` blocks.
    public static func pixart(blocks: Int) throws(ECADCoreError) -> BlockLayout {
        try BlockLayout(groups: [(.pixart, blocks)])
    }

    /// A FLUX layout: `doubleBlocks` double-stream blocks, then `singleBlocks` single-stream blocks.
    public static func flux(doubleBlocks: Int, singleBlocks: Int) throws(ECADCoreError) -> BlockLayout {
        try BlockLayout(groups: [(.fluxDouble, doubleBlocks), (.fluxSingle, singleBlocks)])
    }

    /// Component slots per block (C); the same for every block type.
    public var componentsPerBlock: Int { BlockType.componentsPerBlock }

    /// The distinct component kinds of this layout, group by group in slot order.
    public var componentKinds: [ComponentKind] { groups.flatMap(\.type.components) }

    /// The type of block `block` (0-based).
    public func blockType(at block: Int) -> BlockType {
        precondition(block >= 0 && block < blockCount, "block \(block) out of range 0..<\(blockCount)")
        var start = 0
        for group in groups {
            if block < start + group.count { return group.type }
            start += group.count
        }
        preconditionFailure("unreachable: block \(block) not in layout")
    }

    /// The position of `block` inside its group (e.g. FLUX block 19 is single block 0).
    public func indexInGroup(_ block: Int) -> Int {
        var start = 0
        for group in groups {
            if block < start + group.count { return block - start }
            start += group.count
        }
        preconditionFailure("block \(block) out of range 0..<\(blockCount)")
    }

    /// The component kind stored at slot `component` of block `block`.
    public func kind(block: Int, component: Int) -> ComponentKind {
        blockType(at: block).components[component]
    }
}
