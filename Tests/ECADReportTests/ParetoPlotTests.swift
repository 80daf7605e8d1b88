import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import ECADReport

struct ParetoPlotTests {
    static func samplePlot() -> ParetoPlot {
        ParetoPlot(title: "shapes32: reward vs speedup", xLabel: "measured speedup (x)", yLabel: "reward", series: [
            PlotSeries(label: "ECAD front", points: [
                PlotPoint(x: 1.4, y: 0.95, name: "gen 40 #1"), PlotPoint(x: 2.1, y: 0.91),
                PlotPoint(x: 2.6, y: 0.84), PlotPoint(x: 3.3, y: 0.70),
            ], style: .front, marker: .circle),
            PlotSeries(label: "FORA N=2..5", points: [
                PlotPoint(x: 1.7, y: 0.88), PlotPoint(x: 2.2, y: 0.80), PlotPoint(x: 2.7, y: 0.69),
            ], marker: .square),
            PlotSeries(label: "T-GATE <gate 10>", points: [PlotPoint(x: 1.5, y: 0.86)], marker: .triangle),
            PlotSeries(label: "no cache", points: [PlotPoint(x: 1.0, y: 0.96)], marker: .star, color: "#000000"),
        ])
    }

    /// Counts elements of a well-formed XML document; `nil` when it does not parse.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
        }

        static func count(_ xml: String) -> [String: Int]? {
            let parser = XMLParser(data: Data(xml.utf8))
            let counter = ElementCounter()
            parser.delegate = counter
            return parser.parse() ? counter.counts : nil
        }
    }

    @Test func writesWellFormedSVGWithEverySeries() throws {
        let svg = Self.samplePlot().svg()
        let counts = try #require(ElementCounter.count(svg))
        #expect(counts["svg"] == 1)
        #expect(counts["circle"] == 4 + 1)  // front points + legend marker
        #expect(counts["rect", default: 0] >= 3 + 1 + 2)  // FORA points + legend + background + frame
        #expect(counts["polygon"] == 2 + 2)  // triangle and star, each with a legend marker
        #expect(svg.contains("T-GATE &lt;gate 10&gt;"))
        #expect(svg.contains("gen 40 #1: ECAD front (1.400, 0.950)"))
        for label in ["measured speedup (x)", "reward", "shapes32: reward vs speedup"] { #expect(svg.contains(label)) }
    }

    @Test func leavesOutNonFinitePoints() throws {
        var plot = Self.samplePlot()
        plot.series[1].points.append(PlotPoint(x: .nan, y: 0.5))
        plot.series[1].points.append(PlotPoint(x: 2, y: .infinity))
        let svg = plot.svg()
        for bad in ["\"nan", " nan", "\"inf", " inf", "-inf"] { #expect(!svg.contains(bad)) }
        let rects = try #require(ElementCounter.count(svg))["rect"]
        #expect(rects == Self.samplePlot().svg().components(separatedBy: "<rect").count - 1)
    }

    @Test func frontIsAStaircase() {
        let svg = Self.samplePlot().svg()
        let path = svg.split(separator: "\n").first { $0.hasPrefix("<path d=\"M") && $0.contains("stroke-width=\"2\"") }
        let d = path.map(String.init) ?? ""
        #expect(d.components(separatedBy: " V ").count == 4 && d.components(separatedBy: " H ").count == 4)
    }

    @Test func theStaircaseSkipsDominatedFrontPoints() {
        let plot = ParetoPlot(title: "t", series: [PlotSeries(label: "front", points: [
            PlotPoint(x: 1, y: 0.9), PlotPoint(x: 2.4, y: 0.7), PlotPoint(x: 2.5, y: 0.8), PlotPoint(x: 4, y: 0.5),
        ], style: .front)])
        let svg = plot.svg()
        let d = svg.split(separator: "\n").first { $0.hasPrefix("<path d=\"M") && $0.contains("stroke-width=\"2\"") }.map(String.init) ?? ""
        #expect(d.components(separatedBy: " V ").count == 3, "(2.4, 0.7) is dominated by (2.5, 0.8)")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4 + 1, "every point keeps its marker")
    }

    @Test func axisTicksAreNice() {
        let axis = PlotAxis(covering: [1.0, 3.3])
        #expect(axis.ticks == [1.0, 1.5, 2.0, 2.5, 3.0])
        #expect(axis.lower < 1 && axis.upper > 3.3)
        #expect(axis.label(1.5) == "1.5")
        #expect(PlotAxis.niceStep(0.23) == 0.2 && PlotAxis.niceStep(7) == 10 && PlotAxis.niceStep(0.05) == 0.05)
        #expect(PlotAxis.niceStep(0.506) == 0.5 && PlotAxis.niceStep(1.6) == 2)
        #expect(PlotAxis(covering: [2, 2]).ticks.contains(2))
    }
}
