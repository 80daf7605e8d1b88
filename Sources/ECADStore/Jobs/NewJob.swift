import ECADCore

/// What a client submits; the store validates it and assigns the id and times.
public struct NewJob: Sendable, Hashable {
    /// What the job does.
    public var kind: JobKind
    /// The spec as JSON text (the daemon has already checked its fields); at most ``InputLimits/maxSpecBytes``.
    public var specJSON: String
    /// The owner's uid.
    public var ownerUID: UInt32
    /// The owner's user name.
    public var ownerName: String
    /// Per-job priority, in ``InputLimits/priorityRange`` (default 0).
    public var priority: Int
    /// An optional display name.
    public var name: String?

    /// Describes a job to submit.
    public init(
        kind: JobKind, specJSON: String, ownerUID: UInt32, ownerName: String, priority: Int = 0,
        name: String? = nil
    ) {
        self.kind = kind
        self.specJSON = specJSON
        self.ownerUID = ownerUID
        self.ownerName = ownerName
        self.priority = priority
        self.name = name
    }
}
