import ECADReport
import Foundation
import Testing

@testable import ECADMetrics
import PNGTestSupport

/// An image grid rendered by ECADMetrics and embedded by ECADReport's HTML report decodes to the same pixels.
struct HTMLReportGridTests {
    @Test func embeddedGridDecodesToTheRenderedPixels() throws {
        var report = HTMLReport(title: "grid")
        let grid = try ImageGrid(rows: [[TestImages.textured]], scale: 2)
        report.addFigures([HTMLReport.Figure(caption: "uncached", png: try grid.pngData())])
        let html = report.html()
        let size = grid.render()
        #expect(html.contains("<img width=\"\(size.width)\" height=\"\(size.height)\" alt=\"uncached\""))
        let marker = "src=\"data:image/png;base64,"
        let encoded = try #require(html.components(separatedBy: marker).last?.split(separator: "\"").first)
        let png = try #require(Data(base64Encoded: String(encoded)))
        #expect(try PNGDecoder.decode(Array(png)) == grid.render())
    }
}
