/// Hand-made caching schedules used as baselines and as seeds for the search.
///
/// Each case names a rule with its parameters and produces a normalized ``Schedule`` (step 0 computes)
/// for any step count and layout via ``schedule(steps:layout:)``. ``description`` is the compact form
/// that ``init(parsing:)`` reads back, e.g. `fora:n=2`, `tgate:k=10`, `evenly:cross_attn=4,ff=2`.
/// A step "on the interval n" is one with `step % n == 0`.
public enum HeuristicFamily: Hashable, Sendable, CustomStringConvertible {
    /// Everything computes at every step (`uncached`).
    case uncached
    /// FORA: every component recomputes on steps on the interval `every`, reuses otherwise (`fora:n=2`).
    case fora(every: Int)
    /// T-GATE as in the reference code (`tgate:k=10,sa=1,warmup=2`): before `gateStep`, cross-attention
    /// computes and self-attention computes on steps below `warmup` or on the interval
    /// `selfAttentionEvery`; from `gateStep` on, cross-attention is reused and self-attention computes.
    /// Feed-forward always computes. Needs a `cross_attn` component.
    case tgate(gateStep: Int, selfAttentionEvery: Int, warmup: Int)
    /// Component-wise evenly spaced caching (`evenly:self_attn=2,cross_attn=4`): each listed component kind
    /// computes on its own interval; unlisted kinds always compute.
    case evenly(intervals: [ComponentKind: Int])
    /// Block-range caching (`blocks:from=4,to=24,n=2`): blocks `from..<to` compute only on the interval
    /// `every`; other blocks always compute.
    case blockRange(from: Int, to: Int, every: Int)
    /// Δ-DiT (`deltadit:n=2,blocks=12,k=10`): before step `boundary` (k; default half the steps) the last
    /// `blocks` blocks, from `boundary` on the first `blocks` blocks, compute only on the interval `every`;
    /// all other blocks always compute. Rear blocks are cached early (outline stage), front blocks late
    /// (detail stage), following Δ-DiT (arXiv 2406.01125).
    case deltaDiT(every: Int, blocks: Int, boundary: Int?)

    /// The family names accepted by ``init(parsing:)``, with their parameters, for help texts.
    public static let usage: [(name: String, parameters: String)] = [
        ("uncached", ""),
        ("fora", "n=<interval>"),
        ("tgate", "k=<gate step>[,sa=<self-attn interval>=1][,warmup=<steps>=2]"),
        ("evenly", "<component>=<interval>[,...]"),
        ("blocks", "from=<first>,to=<end>,n=<interval>"),
        ("deltadit", "n=<interval>,blocks=<count>[,k=<boundary step>=steps/2]"),
    ]

    /// The compact form, parameters in a fixed order.
    public var description: String {
        switch self {
        case .uncached: "uncached"
        case .fora(let every): "fora:n=\(every)"
        case .tgate(let gate, let every, let warmup): "tgate:k=\(gate),sa=\(every),warmup=\(warmup)"
        case .evenly(let intervals):
            "evenly:" + ComponentKind.allCases.compactMap { kind in intervals[kind].map { "\(kind.rawValue)=\($0)" } }
                .joined(separator: ",")
        case .blockRange(let from, let to, let every): "blocks:from=\(from),to=\(to),n=\(every)"
        case .deltaDiT(let every, let blocks, let boundary):
            "deltadit:n=\(every),blocks=\(blocks)" + (boundary.map { ",k=\($0)" } ?? "")
        }
    }
}
