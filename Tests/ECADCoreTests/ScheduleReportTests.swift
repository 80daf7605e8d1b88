import Foundation
import Testing
@testable import ECADCore

struct ScheduleReportTests {
    @Test func reportOfThePublishedFastSchedule() throws {
        let file = try ScheduleFile(bytes: try Fixture.bytes("pixart_alpha_256_ours_fast"))
        #expect(file.format == .reference)
        let report = try ScheduleReport(document: file.document, model: .pixartAlpha256)
        #expect(report.referenceConventionMACs == 2_134_989_471_744)
        #expect(abs(report.speedup - 2.6763) < 0.0005)
        #expect(report.speedupWithAttentionScores < report.speedup)
        #expect(report.kinds.map(\.kind) == ["self_attn", "cross_attn", "ff"])
        #expect(!report.stepZeroNormalized)
        let text = report.text
        #expect(text.contains("MAC speedup:     2.68x linear"))
        #expect(text.contains("compute:  35.6% of 1680 bits"))
        #expect(text.contains("name:     handcrafted-nsga2-pw-bf_gen_358_cand_014"))
    }

    @Test func fileDetectionAndConversionBothWays() throws {
        let bytes = try Fixture.bytes(Fixture.fluxName)
        let reference = try ScheduleFile(bytes: bytes)
        #expect(reference.encoded(as: .reference) == bytes)
        let ecad = try ScheduleFile(bytes: reference.encoded(as: .ecad))
        #expect(ecad.format == .ecad)
        #expect(ecad.document == reference.document)
        #expect(try ReferenceSchedule(jsonBytes: ecad.encoded(as: .reference)).exportedRoot.isEquivalent(to: reference.reference?.root ?? .null))
        let report = try ScheduleReport(document: ecad.document, model: .flux1Dev256)
        #expect(report.referenceConventionMACs == 63_023_156_822_016)
        #expect(report.batch == 1)
    }

    @Test func reportEncodesAsJSON() throws {
        let schedule = try HeuristicFamily.fora(every: 2).schedule(for: .pixartAlpha256)
        let report = try ScheduleReport(document: try ScheduleDocument(model: "pixart-alpha-256", schedule: schedule), model: .pixartAlpha256)
        let decoded = try JSONDecoder().decode(ScheduleReport.self, from: try JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(report.computeFraction == 0.5)
    }

    @Test func notAScheduleFile() throws {
        let error = try #require(throws: ECADCoreError.self) { try ScheduleFile(bytes: Array(#"{"hello": 1}"#.utf8)) }
        #expect(error.description.contains("not a schedule file"))
        #expect(ScheduleReport.fixed(2.675, digits: 2) == "2.68" || ScheduleReport.fixed(2.675, digits: 2) == "2.67")
        #expect(ScheduleReport.fixed(0.05, digits: 1) == "0.1")
    }
}
