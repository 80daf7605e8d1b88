import ECADCore

/// `<svg id="schedule-heatmap">`: a schedule's [step × block × component] bits, one `<rect>` per cell, computed
/// (blue) or reused from the cache (grey); the legend uses circles, so the rects are exactly the cells. Columns
/// are steps; rows are blocks, each split into its three components (step 0 always computes).
struct ScheduleHeatmap {
    let schedule: Schedule

    /// The SVG.
    func svg() -> String {
        let cellWidth = max(6.0, min(24.0, 640.0 / Double(schedule.steps)))
        let rowHeight = schedule.blocks > 32 ? 3.0 : 5.0
        let left = 70.0, top = 30.0
        let rows = schedule.blocks * schedule.components
        let width = left + cellWidth * Double(schedule.steps) + 150
        let height = top + rowHeight * Double(rows) + 40
        let c = { (value: Double) in HTML.number(value, digits: 1) }
        var svg = "<svg id=\"schedule-heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"computed and cached components per step and block\">"
        svg.reserveCapacity(rows * schedule.steps * 80)
        for step in 0..<schedule.steps {
            for block in 0..<schedule.blocks {
                for component in 0..<schedule.components {
                    let computed = schedule.computes(step: step, block: block, component: component)
                    let y = top + rowHeight * Double(block * schedule.components + component)
                    svg += "<rect class=\"\(computed ? "computed" : "cached")\" x=\"\(c(left + cellWidth * Double(step)))\" "
                        + "y=\"\(c(y))\" width=\"\(c(cellWidth - 1))\" height=\"\(c(rowHeight))\"/>"
                }
            }
        }
        let labelEvery = max(1, schedule.steps / 10)
        for step in stride(from: 0, to: schedule.steps, by: labelEvery) {
            svg += "<text x=\"\(c(left + cellWidth * (Double(step) + 0.5)))\" y=\"\(c(top - 6))\" text-anchor=\"middle\">\(step)</text>"
        }
        let blockEvery = schedule.blocks > 16 ? 4 : 1
        for block in stride(from: 0, to: schedule.blocks, by: blockEvery) {
            let y = top + rowHeight * Double(block * schedule.components) + rowHeight * 2
            svg += "<text x=\"\(c(left - 6))\" y=\"\(c(y))\" text-anchor=\"end\">block \(block)</text>"
        }
        let bottom = top + rowHeight * Double(rows)
        svg += "<text x=\"\(c(left + cellWidth * Double(schedule.steps) / 2))\" y=\"\(c(bottom + 16))\" "
            + "text-anchor=\"middle\">denoising step →</text>"
        let legendX = left + cellWidth * Double(schedule.steps) + 12
        let components = schedule.layout.blockType(at: 0).components.map(\.rawValue).joined(separator: ", ")
        svg += "<circle class=\"legend-computed\" cx=\"\(c(legendX + 5))\" cy=\"\(c(top + 5))\" r=\"5\"/>"
            + "<text x=\"\(c(legendX + 14))\" y=\"\(c(top + 9))\">computed</text>"
            + "<circle class=\"legend-cached\" cx=\"\(c(legendX + 5))\" cy=\"\(c(top + 21))\" r=\"5\"/>"
            + "<text x=\"\(c(legendX + 14))\" y=\"\(c(top + 25))\">cached (reused)</text>"
            + "<text x=\"\(c(legendX))\" y=\"\(c(top + 44))\">rows per block:</text>"
            + "<text x=\"\(c(legendX))\" y=\"\(c(top + 58))\">\(HTML.escape(components))</text>"
        return svg + "</svg>"
    }
}
