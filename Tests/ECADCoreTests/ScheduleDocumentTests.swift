import Foundation
import Testing
@testable import ECADCore

struct ScheduleDocumentTests {
    /// Digest of the uncached 20-step PixArt schedule, computed independently with Python
    /// (`json.dumps(part, sort_keys=True, separators=(",", ":"))`, then `hashlib.sha256`).
    static let uncachedPixArtDigest = "99a18d8977ef4366a013092a4f19bfb3e026a8133e25bfd89386d7a73361b929"

    func uncachedDocument() throws -> ScheduleDocument {
        try ScheduleDocument(model: "pixart-alpha-256", schedule: try ModelConfig.pixartAlpha256.uncachedSchedule())
    }

    @Test func digestMatchesIndependentComputation() throws {
        #expect(try uncachedDocument().digest.hex == Self.uncachedPixArtDigest)
    }

    @Test func canonicalEncodingIsSortedAndCompact() throws {
        let text = String(decoding: try uncachedDocument().canonicalBytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"bits":"////"#))
        #expect(text.hasSuffix(#""format":"ecad.schedule/v1","layout":[{"blocks":28,"type":"pixart"}],"model":"pixart-alpha-256","steps":20}"#))
        #expect(!text.contains(" "))
    }

    @Test func roundTripIsByteStable() throws {
        var document = try uncachedDocument()
        document.schedule[3, 4, 2] = false
        document.name = "test/one"
        document.sampler = "dpm-solver++2m"
        document.resolution = try .square(256)
        document.metrics = .object([("reward", .number("0.91")), ("macs", .int(12))])
        document.provenance = .object([("job", .int(42))])
        let bytes = document.canonicalBytes
        let again = try ScheduleDocument(jsonBytes: bytes)
        #expect(again.schedule == document.schedule)
        #expect(again.canonicalBytes == bytes)
        #expect(again.digest == document.digest)
    }

    @Test func metadataDoesNotChangeTheDigest() throws {
        let plain = try uncachedDocument()
        var labelled = plain
        labelled.name = "renamed"
        labelled.model = "pixart-sigma-256"
        labelled.metrics = .object([("reward", .number("1"))])
        #expect(labelled.digest == plain.digest)
        var changed = plain
        changed.schedule[1, 0, 0] = false
        #expect(changed.digest != plain.digest)
    }

    @Test func parsesAnyWhitespaceAndKeyOrder() throws {
        let text = String(decoding: try uncachedDocument().canonicalBytes, as: UTF8.self)
            .replacingOccurrences(of: ",", with: ",\n  ")
        #expect(try ScheduleDocument(jsonBytes: Array(text.utf8)).digest.hex == Self.uncachedPixArtDigest)
    }

    @Test(arguments: [
        (#""bits":"////"#, #""bits":"!!!!"#, "not valid base64"),
        (#""steps":20"#, #""steps":21"#, "expected 221 bytes"),
        (#""blocks":28,"#, #""blocks":27,"#, "does not match the layout"),
        (#""self_attn""#, #""sideways_attn""#, "unknown component"),
        (#""format":"ecad.schedule/v1""#, #""format":"ecad.schedule/v9""#, "format: expected"),
        (#""model":"pixart-alpha-256""#, #""model":"pix art\u0000""#, "is not a model id"),
        (#""type":"pixart""#, #""type":"unet""#, "unknown block type"),
        (#""steps":20"#, #""steps":20,"extra":1"#, "unknown field"),
        (#""steps":20"#, #""steps":"20""#, "expected an integer"),
        (#""model":"pixart-alpha-256""#, #""model":"pixart-alpha-256","metrics":[1]"#, "metrics: expected an object"),
    ])
    func badDocumentsAreRefusedWithClearErrors(original: String, replacement: String, message: String) throws {
        let text = String(decoding: try uncachedDocument().canonicalBytes, as: UTF8.self)
        #expect(text.contains(original))
        let broken = text.replacingOccurrences(of: original, with: replacement)
        let error = try #require(throws: ECADCoreError.self) { try ScheduleDocument(jsonBytes: Array(broken.utf8)) }
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func hostileNamesAreRefusedAndQuotedSafely() throws {
        let schedule = try ModelConfig.pixartAlpha256.uncachedSchedule()
        let error = try #require(throws: ECADCoreError.self) {
            try ScheduleDocument(model: "pixart-alpha-256", schedule: schedule, name: "evil\u{1B}[2J" + String(repeating: "x", count: 100))
        }
        #expect(!error.description.contains("\u{1B}"))
        #expect(error.description.contains("\\u{1b}"))
        #expect(throws: ECADCoreError.self) { try ScheduleDocument(model: "../../etc/passwd x", schedule: schedule) }
    }
}
