/// The self-contained HTML report of an evaluation.
extension EvaluationReport {
    /// The page: `notes` (setup lines), the goals, the table, the plot, then for every row with a grid image its
    /// grid next to the baseline's grid (the same prompts and seeds). `grid` returns a grid's PNG bytes from its
    /// path (``EvaluationRow/grid``), nil when unreadable. Grids narrower than `minimumWidth` pixels are shown
    /// enlarged (pixelated) by a whole factor that brings them to at least that width; the baseline grid is
    /// embedded once however often it is shown.
    public func html(notes: [String] = [], minimumWidth: Int = 128, grid: (String) -> [UInt8]?) -> String {
        var report = HTMLReport(title: title)
        for note in notes { report.addParagraph(note) }
        report.addHeading("Goals")
        for goal in goals { report.addParagraph(goal.line) }
        report.addHeading("Results")
        report.addTable(table(), caption: "One row per distinct schedule; - = not measured. Speedups are against uncached.")
        report.addPlot(plot(), caption: "Reward against speedup: the front (line), each heuristic family, uncached (star).")
        let baselineFigure = baseline.flatMap { row in
            row.grid.flatMap(grid).map { figure("uncached", $0, minimumWidth: minimumWidth) }
        }
        let others = rows.filter { !$0.has(.uncached) }
        let figures = others.compactMap { row in
            row.grid.flatMap(grid).map { figure(caption(row), $0, minimumWidth: minimumWidth) }
        }
        guard !figures.isEmpty || baselineFigure != nil else { return report.html() }
        report.addHeading("Images")
        report.addParagraph("Each schedule's grid (rows = prompts, columns = seeds) next to the uncached grid for the same prompts.")
        if figures.isEmpty, let baselineFigure { report.addFigures([baselineFigure]) }
        for figure in figures { report.addFigures([figure] + (baselineFigure.map { [$0] } ?? [])) }
        return report.html()
    }

    private func figure(_ caption: String, _ png: [UInt8], minimumWidth: Int) -> HTMLReport.Figure {
        let width = HTMLReport.Figure(caption: caption, png: png).pixelSize?.width ?? minimumWidth
        return HTMLReport.Figure(caption: caption, png: png, displayScale: (minimumWidth + width - 1) / max(width, 1))
    }

    private func caption(_ row: EvaluationRow) -> String {
        var parts = [row.labelText]
        if let reward = row.reward { parts.append("reward \(ResultTable.number(reward, digits: 4))") }
        if let speedup = measuredSpeedup(row) { parts.append("\(ResultTable.number(speedup, digits: 2))x") }
        return parts.joined(separator: ", ")
    }
}
