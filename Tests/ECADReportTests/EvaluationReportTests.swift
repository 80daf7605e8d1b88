import Foundation
import Testing

@testable import ECADReport

struct EvaluationReportTests {
    @Test func theTableHasOneRowPerScheduleWithDerivedColumnsAndDashesForWhatWasNotMeasured() throws {
        let report = EvaluationFixture.report()
        let table = report.table()
        #expect(table.columns.map(\.name) == EvaluationReport.columnNames)
        #expect(table.rows.count == 6)
        let fast = table.rows[2]
        #expect(fast[0] == "front" && fast[1] == "job 3 #2" && fast[2] == String(repeating: "2", count: 12))
        #expect(fast[3] == "0.7900" && fast[4] == "-0.0100")
        #expect(fast[5] == "2.00x" && fast[6] == "2.50x")
        #expect(fast[7] == "-" && fast[8] == "-" && fast[9] == "-")
        #expect(fast[10] == "40.00")
        #expect(table.rows[0][4] == "+0.0000" && table.rows[0][6] == "1.00x")
        let csv = CSVWriter.write(table).split(separator: "\n")
        #expect(csv.count == 7)
        #expect(csv[0] == "source,label,digest,reward,Δreward,MACs speedup,measured speedup,FID,PSNR,SSIM,latency ms/img")
    }

    @Test func withoutABaselineTheDerivedCellsAreDashes() {
        let report = EvaluationReport(title: "t", rows: [EvaluationFixture.row(1, [EvaluationFixture.front(1)], reward: 0.5, latency: 0.1)])
        let row = report.table().rows[0]
        #expect(row[4] == "-" && row[5] == "-" && row[6] == "-")
        #expect(report.goals.allSatisfy { $0.outcome == .notComputed })
    }

    @Test func equalDigestsShowEverySourceAndLabel() {
        let row = EvaluationFixture.row(
            7, [EvaluationFixture.front(2), EvaluationFixture.heuristic("fora:n=2"), EvaluationFixture.heuristic("fora:n=2")],
            reward: 0.7, latency: 0.05)
        #expect(row.sourceText == "front+heuristic")
        #expect(row.labelText == "job 3 #2 = fora:n=2")
    }

    @Test func theJSONCarriesRawNumbersAndLeavesUnmeasuredFieldsOut() throws {
        let data = try EvaluationFixture.report().json()
        let document = try JSONDecoder().decode(EvaluationReport.JSONDocument.self, from: data)
        #expect(document.rows.count == 6)
        #expect(document.baselineDigest == EvaluationFixture.digest(0))
        let speedup = try #require(document.rows[2].measuredSpeedup)
        #expect(abs(speedup - 2.5) < 1e-12)
        #expect(document.goals.map(\.outcome) == [.met, .met])
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("frechetDistance") && !text.contains("psnr"))
    }

    @Test func theHTMLEmbedsEachGridBesideTheBaselineGridAndTheBaselineOnce() {
        /// A PNG header claiming `width` x 8 pixels, its last byte `tag`.
        func png(width: UInt8, tag: UInt8) -> [UInt8] {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 8)
                + [0, 0, 0, width, 0, 0, 0, 8] + [tag]
        }
        var rows = EvaluationFixture.report().rows
        rows[0].grid = "images/s0/grid.png"
        rows[2].grid = "images/s2/grid.png"
        rows[3].grid = "images/s3/grid.png"
        let grids = ["images/s0/grid.png": png(width: 32, tag: 0), "images/s2/grid.png": png(width: 32, tag: 2),
                     "images/s3/grid.png": png(width: 200, tag: 3)]
        let html = EvaluationReport(title: "t", rows: rows).html(notes: ["setup line"]) { grids[$0] }
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == 3, "baseline once, two schedules")
        #expect(html.components(separatedBy: "class=\"png-0\"").count - 1 == 2, "the baseline beside both")
        #expect(html.contains("width=\"128\" height=\"32\""), "a 32-pixel grid is shown 4x")
        #expect(html.contains("width=\"200\" height=\"8\""), "a wide grid keeps its size")
        #expect(html.contains("<h2>Images</h2>") && html.contains("setup line") && html.contains("<svg"))
        #expect(html.contains("Goal 1: a front member with &gt;= 2.0x measured speedup"))
        let plain = EvaluationFixture.report().html { _ in nil }
        #expect(!plain.contains("<h2>Images</h2>"))
    }

}
