/// A linear plot axis: a data range widened by 5% and "nice" tick values (1, 2 or 5 times a power of ten).
struct PlotAxis: Equatable {
    /// The lowest value shown.
    let lower: Double
    /// The highest value shown.
    let upper: Double
    /// Tick positions, ascending, all within `lower...upper`.
    let ticks: [Double]
    /// Decimals that tell the ticks apart.
    let decimals: Int

    /// An axis covering `values` with about `targetTicks` ticks; a single value or an empty set gets a unit range.
    init(covering values: [Double], targetTicks: Int = 6) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if high - low < 1e-12 * max(1, abs(high)) {
            low -= 0.5
            high += 0.5
        }
        let margin = (high - low) * 0.05
        low -= margin
        high += margin
        let step = Self.niceStep((high - low) / Double(max(1, targetTicks - 1)))
        let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        lower = low
        upper = high
        var digits = 0
        var scaled = step
        while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            digits += 1
        }
        decimals = digits
    }

    /// The 1, 2 or 5 times a power of ten nearest `raw` in ratio (Heckbert's rounding: mantissa below 1.5 -> 1,
    /// below 3 -> 2, below 7 -> 5, else 10).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        let mantissa = raw / magnitude
        let factor: Double = mantissa < 1.5 ? 1 : mantissa < 3 ? 2 : mantissa < 7 ? 5 : 10
        return factor * magnitude
    }

    /// `value` mapped linearly onto `from...to` (pixels; `to` may be below `from`).
    func map(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - lower) / (upper - lower) * (to - from)
    }

    /// A tick label with `decimals` decimals.
    func label(_ value: Double) -> String {
        SVGText.number(value, decimals: decimals)
    }
}
