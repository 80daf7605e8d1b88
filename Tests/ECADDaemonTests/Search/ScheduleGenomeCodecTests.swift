@testable import ECADDaemon
import ECADCore
import Testing

struct ScheduleGenomeCodecTests {
    private let layout: BlockLayout
    private let codec: ScheduleGenomeCodec

    init() throws {
        layout = try BlockLayout.pixart(blocks: 3)
        codec = try ScheduleGenomeCodec(steps: 4, layout: layout)
    }

    @Test func genomeLeavesOutStepZero() {
        #expect(codec.genomeLength == 3 * 3 * 3)
    }

    @Test func roundTripKeepsEveryLaterBitAndComputesStepZero() throws {
        let heuristic = try HeuristicFamily.fora(every: 2).schedule(steps: 4, layout: layout)
        let genome = try codec.genome(from: heuristic, field: "x")
        let back = try codec.schedule(from: genome)
        #expect(back == heuristic)
        #expect(back.isNormalized)
        #expect(back.digest == heuristic.digest)
    }

    @Test func aScheduleThatDoesNotComputeStepZeroDecodesNormalized() throws {
        let empty = try Schedule(steps: 4, layout: layout, filled: false)
        let back = try codec.schedule(from: codec.genome(from: empty, field: "x"))
        #expect(back == empty.normalized())
        #expect(back.computeCount == 9)
    }

    @Test func wrongShapesAreRefusedNamingTheField() throws {
        let other = try Schedule(steps: 5, layout: layout, filled: true)
        #expect(throws: DaemonError.self) { try codec.genome(from: other, field: "search.init.files[0]") }
        do {
            _ = try codec.genome(from: other, field: "search.init.files[0]")
        } catch {
            #expect(error.description.contains("search.init.files[0]"))
        }
        #expect(throws: DaemonError.self) { try ScheduleGenomeCodec(steps: 1, layout: layout) }
    }
}
