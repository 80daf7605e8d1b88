import ECADCore

/// Which jobs a listing returns (`ecad queue [--all] [--user U] [--state S]`).
public struct JobFilter: Sendable, Hashable {
    /// Only jobs of this owner uid.
    public var ownerUID: UInt32?
    /// Only jobs in these states; nil means ``JobState/active`` unless ``includeFinished`` is set.
    public var states: Set<JobState>?
    /// Only jobs of these kinds; nil means all.
    public var kinds: Set<JobKind>?
    /// With no explicit `states`, also list terminal jobs (`--all`).
    public var includeFinished: Bool
    /// At most this many jobs: when more match, the newest `limit` (results are always in id order).
    public var limit: Int

    /// Active jobs of every user, up to 1000.
    public init(
        ownerUID: UInt32? = nil, states: Set<JobState>? = nil, kinds: Set<JobKind>? = nil,
        includeFinished: Bool = false, limit: Int = 1000
    ) {
        self.ownerUID = ownerUID
        self.states = states
        self.kinds = kinds
        self.includeFinished = includeFinished
        self.limit = limit
    }

    /// The states this filter selects.
    var selectedStates: Set<JobState> {
        states ?? (includeFinished ? Set(JobState.allCases) : JobState.active)
    }
}
