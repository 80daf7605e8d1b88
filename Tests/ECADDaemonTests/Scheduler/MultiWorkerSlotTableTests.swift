@testable import ECADDaemon
import ECADCore
import Testing

/// Slot accounting for lent slots, the device each slot owns and what its workers get.
struct MultiWorkerSlotTableTests {
    @Test func lentSlotsCountUntilReleasedAndAreMarkedOnceForReclaiming() throws {
        let table = SlotTable(count: 3, devices: ["cuda:0", "cuda:1", "cuda:2"])
        let a = try JobID(1), b = try JobID(2)
        let own = try #require(table.take(for: a, lent: false))
        let lent = try #require(table.take(for: a, lent: true))
        #expect(own.device == "cuda:0" && lent.device == "cuda:1")
        #expect(table.free == 1 && table.lent == 1 && table.held(by: a) == 2)
        #expect(table.reclaimable.map(\.slot) == [lent.index])
        #expect(table.markReclaiming(lent.index))
        #expect(!table.markReclaiming(lent.index), "asked back once")
        #expect(!table.markReclaiming(own.index), "a job's own slot is never taken back")
        #expect(table.reclaimable.isEmpty)
        #expect(table.lent == 1, "a slot being taken back is still held until its worker exits")
        let other = try #require(table.take(for: b, lent: false))
        #expect(other.index == 2 && table.take(for: b, lent: true) == nil)
        table.release(lent.index)
        #expect(table.free == 1 && table.lent == 0)
        #expect(table.take(for: b, lent: false)?.index == lent.index, "a freed slot is reused first")
    }

    @Test func slotsFollowTheDevices() throws {
        #expect(try DaemonConfiguration.slotCount(slots: nil, devices: []) == 1)
        #expect(try DaemonConfiguration.slotCount(slots: 4, devices: []) == 4)
        #expect(try DaemonConfiguration.slotCount(slots: nil, devices: ["cuda:0", "cuda:1"]) == 2)
        #expect(try DaemonConfiguration.slotCount(slots: 2, devices: ["cuda:0", "cuda:1"]) == 2)
        for (slots, devices) in [(3, ["cuda:0", "cuda:1"]), (nil, ["cuda:0", "cuda:0"]), (nil, ["cuda:0", ""])] {
            #expect(throws: DaemonError.self) { try DaemonConfiguration.slotCount(slots: slots, devices: devices) }
        }
    }

    @Test func aSlotsWorkerSeesOnlyItsCard() {
        let gpu = WorkerSlot(index: 1, device: "cuda:3")
        #expect(gpu.environment(threads: 2) == ["CUDA_VISIBLE_DEVICES": "3", "ECAD_THREADS": "2"])
        #expect(gpu.loadDevice == "cuda:0")
        let cpu = WorkerSlot(index: 0, device: "cpu")
        #expect(cpu.environment(threads: nil).isEmpty)
        #expect(cpu.loadDevice == "cpu")
        #expect(WorkerSlot(index: 0, device: nil).loadDevice == nil)
    }
}
