/// Where a schedule of an evaluation came from: the uncached baseline, a search job's front, a heuristic, a
/// registry entry or a schedule file. One measured schedule can have several sources (equal digests are merged).
public struct EvaluationSource: Sendable, Hashable, Codable {
    /// The kind of source.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The uncached schedule (every component computed at every step).
        case uncached
        /// A member of a search job's front.
        case front
        /// A heuristic schedule (FORA, T-GATE, ...).
        case heuristic
        /// A registry version.
        case registry
        /// A schedule file.
        case file
    }

    /// The kind.
    public var kind: Kind
    /// What the spec called it, e.g. `fora:n=2`, `job 12 #1`, `shapes32/quick`.
    public var label: String
    /// The heuristic family (`fora`, `tgate`), for ``Kind/heuristic``; nil otherwise.
    public var family: String?

    /// A source.
    public init(kind: Kind, label: String, family: String? = nil) {
        self.kind = kind
        self.label = label
        self.family = family
    }
}
