import ECADAPI

/// The Pareto front of a search as SVG: one point per member, each a link to its schedule page with a tooltip
/// (`<title>`) giving its digest, reward, MAC fraction and measured speedup.
struct FrontPlot {
    /// A front member with the figures the plots show.
    struct Point {
        /// The schedule digest (hex).
        var digest: String
        /// Mean reward.
        var reward: Double
        /// MACs as a fraction of the uncached schedule's.
        var macFraction: Double
        /// Uncached latency / this schedule's latency, when both were measured.
        var measuredSpeedup: Double?
    }

    /// The search job (links open `/ui/schedules/HEX?job=ID`).
    let job: Int64
    /// The members, in the front's order.
    let points: [Point]

    /// The points of `front`; `uncachedLatency` (seconds per image of the all-compute schedule, when the search
    /// measured it) gives each member's measured speedup.
    init(front: FrontView, uncachedLatency: Double?) {
        job = front.jobID
        points = front.members.map { member in
            let latency = member.metrics["latencySeconds"] ?? 0
            let speedup = uncachedLatency.flatMap { base in latency > 0 && base > 0 ? base / latency : nil }
            return Point(
                digest: member.scheduleDigest, reward: member.metrics["reward"] ?? 0,
                macFraction: member.metrics["macsRatio"] ?? 1, measuredSpeedup: speedup)
        }
    }

    /// `<svg id="front-plot">`: reward against MAC fraction, one `circle.front-point` per member.
    func macPlot() -> String {
        scatter(id: "front-plot", pointClass: "front-point", xTitle: "MAC fraction (of uncached)", x: { $0.macFraction })
    }

    /// `<svg id="speedup-plot">`: reward against measured speedup (members without one are left out), or nil
    /// when no member has one.
    func speedupPlot() -> String? {
        guard points.contains(where: { $0.measuredSpeedup != nil }) else { return nil }
        return scatter(id: "speedup-plot", pointClass: "speedup-point", xTitle: "measured speedup (×)", x: { $0.measuredSpeedup })
    }

    private func scatter(id: String, pointClass: String, xTitle: String, x: (Point) -> Double?) -> String {
        let shown = points.compactMap { point in x(point).map { (point, $0) } }
        let frame = PlotFrame(xs: shown.map(\.1), ys: shown.map(\.0.reward))
        var svg = frame.open(id: id, label: "front of job \(job): reward against \(xTitle)")
        svg += frame.axes(x: xTitle, y: "reward")
        for (point, value) in shown {
            let digest = HTML.escape(point.digest)
            svg += "<a href=\"/ui/schedules/\(digest)?job=\(job)\">"
                + "<circle class=\"\(pointClass)\" data-digest=\"\(digest)\" r=\"5\" cx=\"\(frame.c(frame.x(value)))\" "
                + "cy=\"\(frame.c(frame.y(point.reward)))\"><title>\(tooltip(point))</title></circle></a>"
        }
        return svg + "</svg>"
    }

    private func tooltip(_ point: Point) -> String {
        "\(HTML.escape(point.digest))\nreward \(HTML.number(point.reward, digits: 4))\nMAC fraction "
            + "\(HTML.number(point.macFraction, digits: 3))\nmeasured speedup "
            + (point.measuredSpeedup.map { HTML.number($0, digits: 2) + "×" } ?? "–")
    }
}
