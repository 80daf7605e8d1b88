import Foundation
import Testing

@testable import ECADReport

struct HTMLReportTests {
    @Test func embedsTablePlotAndImages() throws {
        var report = HTMLReport(title: "Evaluation <shapes32>")
        var table = ResultTable(columnNames: ["schedule", "reward"])
        try table.append(["FORA & friends", "0.83"])
        report.addTable(table, caption: "benchmark prompts")
        report.addPlot(ParetoPlotTests.samplePlot(), caption: "front")
        let png = Self.pngHeader(width: 70, height: 38)
        report.addFigures([HTMLReport.Figure(caption: "uncached", png: png),
                           HTMLReport.Figure(caption: "ECAD fast", png: png, displayScale: 3)])
        let html = report.html()

        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Evaluation &lt;shapes32&gt;</title>"))
        #expect(html.contains("<td>FORA &amp; friends</td><td class=\"num\">0.83</td>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("<img width=\"70\" height=\"38\" alt=\"uncached\""))
        #expect(html.contains("<img width=\"210\" height=\"114\" alt=\"ECAD fast\""))
        let marker = "src=\"data:image/png;base64,"
        #expect(html.components(separatedBy: marker).count == 3)
        let encoded = try #require(html.components(separatedBy: marker).last?.split(separator: "\"").first)
        #expect(try #require(Data(base64Encoded: String(encoded))) == Data(png))
    }

    /// The PNG signature and an IHDR chunk header for `width` x `height` (all the report reads).
    static func pngHeader(width: Int, height: Int) -> [UInt8] {
        let be = { (value: Int) in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(width) + be(height)
            + [8, 2, 0, 0, 0]
    }
}
