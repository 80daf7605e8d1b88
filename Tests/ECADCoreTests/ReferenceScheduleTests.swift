import Foundation
import Testing
@testable import ECADCore

struct ReferenceScheduleTests {
    @Test(arguments: Fixture.pixartNames + [Fixture.fluxName])
    func publishedFilesRoundTripByteForByte(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let file = try ReferenceSchedule(jsonBytes: bytes)
        #expect(file.jsonBytes == bytes)
    }

    @Test(arguments: Fixture.pixartNames + [Fixture.fluxName])
    func ecadConversionRoundTripsSemantically(name: String) throws {
        let original = try ReferenceSchedule(jsonBytes: try Fixture.bytes(name))
        let document = try original.document()
        let reparsed = try ScheduleDocument(jsonBytes: document.canonicalBytes)
        let back = ReferenceSchedule(document: reparsed)
        #expect(back.schedule == original.schedule)
        #expect(back.exportedRoot.isEquivalent(to: original.root))
        #expect(try ReferenceSchedule(jsonBytes: back.jsonBytes).schedule == original.schedule)
    }

    @Test func pixartImportReadsTrueAsCompute() throws {
        let file = try ReferenceSchedule(jsonBytes: try Fixture.bytes("pixart_alpha_256_ours_fast"))
        #expect(file.schedule.steps == 20)
        #expect(file.schedule.blocks == 28)
        #expect(file.name == "handcrafted-nsga2-pw-bf_gen_358_cand_014")
        #expect(file.guessedModelID == "pixart-alpha-256")
        // 35.6% recompute overall (ecad.md section 6; checked with Python).
        #expect(file.schedule.computeCount == 598)
        #expect(!file.schedule.isNormalized)
        #expect(ReferenceSchedule.attributes(of: file.schedule).isEquivalent(to: file.root["cache_schedule"]?["attributes"] ?? .null))
    }

    @Test func fluxImportUsesDoubleThenSingleBlocks() throws {
        let file = try ReferenceSchedule(jsonBytes: try Fixture.bytes(Fixture.fluxName))
        #expect(file.schedule.layout == (try BlockLayout.flux(doubleBlocks: 19, singleBlocks: 38)))
        #expect(file.guessedModelID == "flux1-dev-256")
        #expect(file.schedule.computeCount == 1080)
        let document = try file.document()
        #expect(document.digest.hex == "32e4a8438d8548a5d9bcc92955198bbc58accf700d46b374667f46c290279144")
        #expect(document.resolution == (try Resolution.square(256)))
        #expect(ReferenceSchedule.attributes(of: file.schedule).isEquivalent(to: file.root["cache_schedule"]?["attributes"] ?? .null))
    }

    @Test func ecadDocumentExportsToReferenceLayout() throws {
        let schedule = try HeuristicFamily.fora(every: 2).schedule(for: .pixartAlpha256)
        let document = try ScheduleDocument(model: "pixart-alpha-256", schedule: schedule, name: "fora2")
        let text = String(decoding: ReferenceSchedule(document: document).jsonBytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n    \"cache_schedule\": {\n        \"num_blocks\": 28,\n        \"num_inference_steps\": 20,\n        \"name\": \"fora2\""))
        #expect(text.contains("\"001\": {\n                \"0\": {\n                    \"attn1\": false,"))
        #expect(try ReferenceSchedule(jsonBytes: Array(text.utf8)).schedule == schedule)
    }

    @Test(arguments: [
        ("\"attn2\"", "\"attn3\"", "unknown component \"attn3\""),
        ("\"27\": {", "\"28\": {", "unknown block \"28\""),
        ("\"019\": {", "\"020\": {", "is not a step number below 20"),
        ("\"num_inference_steps\": 20", "\"num_inference_steps\": 19", "has 20 steps"),
        ("\"ff\": true", "\"ff\": 1", "expected true or false"),
    ])
    func badReferenceFilesAreRefused(original: String, replacement: String, message: String) throws {
        let text = String(decoding: try Fixture.bytes("pixart_alpha_256_ours_fast"), as: UTF8.self)
        let broken = text.replacingFirst(original, with: replacement)
        let error = try #require(throws: ECADCoreError.self) { try ReferenceSchedule(jsonBytes: Array(broken.utf8)) }
        #expect(error.description.contains(message), "\(error)")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
