import ECADCore
import Foundation
import Testing

/// The embedded shapes32 model works in the schedule tools offline and from any directory.
struct ScheduleModelTests {
    @Test func heuristicForShapes32OutsideTheRepository() throws {
        let directory = try ECADProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ECADProcess.run(
            ["schedule", "heuristic", "uncached", "--model", "shapes32", "-o", "s.json"], in: directory)
        #expect(result.status == 0, "stderr: \(result.error)")
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent("s.json")))
        let document = try ScheduleDocument(jsonBytes: bytes)
        #expect(document.model == "shapes32")
        #expect(document.schedule.steps == 20)
        #expect(document.schedule.layout == ModelConfig.shapes32.layout)
    }

    @Test func infoOnAShapes32ScheduleOutsideTheRepository() throws {
        let directory = try ECADProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try ECADProcess.run(
            ["schedule", "heuristic", "fora:n=2", "--model", "shapes32", "-o", "fora.json"], in: directory)
        #expect(made.status == 0, "stderr: \(made.error)")
        let info = try ECADProcess.run(["schedule", "info", "fora.json"], in: directory)
        #expect(info.status == 0, "stderr: \(info.error)")
        #expect(info.output.contains("shapes32"))
    }
}
