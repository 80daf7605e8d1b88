/// `<svg id="progress-plot">`: a search's hypervolume and best reward per generation, as two lines on a shared
/// generation axis (each scaled to its own range; the tick labels are the hypervolume's, the legend says so).
struct ProgressPlot {
    /// The figures of each generation, oldest first.
    let history: [GenerationFigures]

    /// The SVG.
    func svg() -> String {
        let generations = history.map { Double($0.generation) }
        let frame = PlotFrame(xs: generations, ys: history.map(\.hypervolume))
        let rewards = PlotFrame(xs: generations, ys: history.compactMap(\.bestReward))
        var svg = frame.open(id: "progress-plot", label: "hypervolume and best reward per generation")
        svg += frame.axes(x: "generation", y: "hypervolume", digits: (0, 3))
        svg += "<polyline class=\"hypervolume\" points=\""
            + history.map { "\(frame.c(frame.x(Double($0.generation)))),\(frame.c(frame.y($0.hypervolume)))" }
            .joined(separator: " ") + "\"/>"
        let best = history.compactMap { figures in figures.bestReward.map { (figures.generation, $0) } }
        svg += "<polyline class=\"best-reward\" points=\""
            + best.map { "\(frame.c(frame.x(Double($0.0)))),\(frame.c(rewards.y($0.1)))" }.joined(separator: " ") + "\"/>"
        for figures in history {
            svg += "<circle class=\"generation-point\" r=\"2\" cx=\"\(frame.c(frame.x(Double(figures.generation))))\" "
                + "cy=\"\(frame.c(frame.y(figures.hypervolume)))\"><title>generation \(figures.generation): hypervolume "
                + "\(HTML.number(figures.hypervolume, digits: 4)), best reward \(HTML.number(figures.bestReward, digits: 4))"
                + "</title></circle>"
        }
        let low = HTML.number(rewards.yRange.lowerBound, digits: 3), high = HTML.number(rewards.yRange.upperBound, digits: 3)
        svg += "<rect class=\"legend-hypervolume\" x=\"70\" y=\"6\" width=\"10\" height=\"10\"/><text x=\"84\" y=\"15\">hypervolume</text>"
        svg += "<rect class=\"legend-best-reward\" x=\"170\" y=\"6\" width=\"10\" height=\"10\"/>"
            + "<text x=\"184\" y=\"15\">best reward (\(low) to \(high))</text>"
        return svg + "</svg>"
    }
}
