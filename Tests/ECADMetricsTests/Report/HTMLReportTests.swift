import Foundation
import Testing

@testable import ECADMetrics

struct HTMLReportTests {
    @Test func embedsTablePlotAndImages() throws {
        var report = HTMLReport(title: "Evaluation <shapes32>")
        var table = ResultTable(columnNames: ["schedule", "reward"])
        try table.append(["FORA & friends", "0.83"])
        report.addTable(table, caption: "benchmark prompts")
        report.addPlot(ParetoPlotTests.samplePlot(), caption: "front")
        let grid = try ImageGrid(rows: [[TestImages.textured]], scale: 2)
        report.addFigures([HTMLReport.Figure(caption: "uncached", png: try grid.pngData()),
                           HTMLReport.Figure(caption: "ECAD fast", png: try grid.pngData(), displayScale: 3)])
        let html = report.html()

        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Evaluation &lt;shapes32&gt;</title>"))
        #expect(html.contains("<td>FORA &amp; friends</td><td class=\"num\">0.83</td>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<?xml"))
        let size = grid.render()
        #expect(html.contains("<img width=\"\(size.width)\" height=\"\(size.height)\" alt=\"uncached\""))
        #expect(html.contains("<img width=\"\(size.width * 3)\" height=\"\(size.height * 3)\" alt=\"ECAD fast\""))
        let marker = "src=\"data:image/png;base64,"
        #expect(html.components(separatedBy: marker).count == 3)
        let encoded = try #require(html.components(separatedBy: marker).last?.split(separator: "\"").first)
        let png = try #require(Data(base64Encoded: String(encoded)))
        #expect(try PNGDecoder.decode(Array(png)) == grid.render())
    }
}
