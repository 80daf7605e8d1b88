import Testing
@testable import ECADCore
import ECADSearch

struct ScheduleTests {
    let pixart: BlockLayout
    let flux: BlockLayout

    init() throws {
        pixart = try .pixart(blocks: 28)
        flux = try .flux(doubleBlocks: 19, singleBlocks: 38)
    }

    @Test func filledShapeAndCounts() throws {
        let full = try Schedule(steps: 20, layout: pixart, filled: true)
        #expect(full.bitCount == 1680)
        #expect(full.computeCount == 1680)
        #expect(full.isNormalized)
        let empty = try Schedule(steps: 20, layout: pixart, filled: false)
        #expect(empty.computeCount == 0)
        #expect(!empty.isNormalized)
        #expect(empty.normalized().computeCount == 84)
    }

    @Test func subscriptUsesStepMajorFlatOrder() throws {
        var schedule = try Schedule(steps: 3, layout: pixart, filled: false)
        schedule[2, 5, 1] = true
        let index = (2 * 28 + 5) * 3 + 1
        #expect(schedule.bits.enumerated().filter(\.element).map(\.offset) == [index])
        #expect(schedule.bit(index))
        schedule[2, 5, 1] = false
        #expect(schedule.computeCount == 0)
    }

    @Test func flatBitsRoundTrip() throws {
        var generator = SplitMix64(seed: 7)
        let bits = (0..<(20 * 57 * 3)).map { _ in generator.next() & 1 == 1 }
        let schedule = try Schedule(steps: 20, layout: flux, bits: bits)
        #expect(schedule.bits == bits)
        let again = try Schedule(steps: 20, layout: flux, packedBytes: schedule.packedBytes)
        #expect(again == schedule)
    }

    @Test func packedBytesAreMostSignificantBitFirst() throws {
        var schedule = try Schedule(steps: 1, layout: pixart, filled: false)
        schedule.setBit(0, true)
        schedule.setBit(9, true)
        schedule.setBit(83, true)
        let bytes = schedule.packedBytes
        #expect(bytes.count == 11)
        #expect(bytes[0] == 0x80)
        #expect(bytes[1] == 0x40)
        #expect(bytes[10] == 0x10)
    }

    @Test func wrongBitCountIsRefused() throws {
        #expect(throws: ECADCoreError.self) { try Schedule(steps: 20, layout: pixart, bits: [true, false]) }
        let error = try #require(throws: ECADCoreError.self) { try Schedule(steps: 2, layout: pixart, packedBytes: [0xFF]) }
        #expect(error.description.contains("expected 21 bytes"))
    }

    @Test func paddingBitsMustBeZero() throws {
        var bytes = [UInt8](repeating: 0, count: 11)
        bytes[10] = 0x01
        let error = try #require(throws: ECADCoreError.self) { try Schedule(steps: 1, layout: pixart, packedBytes: bytes) }
        #expect(error.description.contains("padding"))
    }

    @Test func fluxLayoutMapsSlotsByBlockType() throws {
        #expect(flux.blockCount == 57)
        #expect(flux.kind(block: 0, component: 2) == .fullFeedForwardContext)
        #expect(flux.kind(block: 19, component: 0) == .singleAttention)
        #expect(flux.indexInGroup(20) == 1)
        #expect(ReferenceSchedule.blockKey(20, in: flux) == "single_1")
        #expect(flux.componentKinds.count == 6)
    }

    @Test func kindCountsSplitByComponent() throws {
        var schedule = try Schedule(steps: 2, layout: flux, filled: false)
        for block in 0..<57 { schedule[1, block, 0] = true }
        let counts = schedule.kindCounts
        #expect(counts.first { $0.kind == .fullAttention }?.compute == 19)
        #expect(counts.first { $0.kind == .singleAttention }?.compute == 38)
        #expect(counts.first { $0.kind == .fullAttention }?.total == 38)
        #expect(schedule.computeFraction(of: .selfAttention) == nil)
    }

    @Test func badLayoutsAreRefused() {
        #expect(throws: ECADCoreError.self) { try BlockLayout(groups: []) }
        #expect(throws: ECADCoreError.self) { try BlockLayout.pixart(blocks: 0) }
        #expect(throws: ECADCoreError.self) { try BlockLayout(groups: [(.pixart, 2), (.pixart, 3)]) }
        #expect(throws: ECADCoreError.self) { try Schedule(steps: 0, layout: pixart, filled: true) }
    }
}
