/// The Pareto plot of an evaluation: reward against measured speedup.
extension EvaluationReport {
    /// Series, in drawing order: one per heuristic family (markers), registry entries and files (diamonds), the
    /// front (a staircase, `.front` style), and the uncached baseline (a black star) on top. A row named by
    /// several sources appears in each of their series. When no latency was measured at all, x falls back to the
    /// MACs speedup and the axis label says so.
    public func plot() -> ParetoPlot {
        let measured = rows.contains { measuredSpeedup($0) != nil }
        func points(_ selected: [EvaluationRow]) -> [PlotPoint] {
            selected.compactMap { row in
                guard let x = measured ? measuredSpeedup(row) : macsSpeedup(row), let y = row.reward else { return nil }
                return PlotPoint(x: x, y: y, name: row.labelText)
            }
        }
        var series: [PlotSeries] = []
        let markers: [PlotSeries.Marker] = [.square, .triangle, .cross, .diamond]
        for (index, family) in heuristicFamilies.enumerated() {
            let members = rows.filter { row in row.sources.contains { $0.kind == .heuristic && $0.family == family } }
            series.append(PlotSeries(
                label: family, points: points(members), marker: markers[index % markers.count],
                color: ParetoPlot.palette[(index + 1) % ParetoPlot.palette.count]))
        }
        let others = rows.filter { $0.has(.registry) || $0.has(.file) }
        if !others.isEmpty {
            series.append(PlotSeries(label: "registry / files", points: points(others), marker: .diamond, color: "#999999"))
        }
        let front = rows.filter { $0.has(.front) }
        if !front.isEmpty {
            series.append(PlotSeries(label: "front", points: points(front), style: .front, marker: .circle,
                                     color: ParetoPlot.palette[0]))
        }
        if let baseline {
            series.append(PlotSeries(label: "uncached", points: points([baseline]), marker: .star, color: "#000000"))
        }
        let xLabel = measured ? "measured speedup vs uncached (x)" : "MACs speedup vs uncached (x; latency not measured)"
        return ParetoPlot(title: title, xLabel: xLabel, yLabel: "reward", series: series)
    }

    /// The heuristic families named by the rows, in first-seen order.
    public var heuristicFamilies: [String] {
        var seen: [String] = []
        for source in rows.flatMap(\.sources) where source.kind == .heuristic {
            let family = source.family ?? source.label
            if !seen.contains(family) { seen.append(family) }
        }
        return seen
    }
}
