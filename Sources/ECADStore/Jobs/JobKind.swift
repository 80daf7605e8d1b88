/// What a job does. The raw value is the stored and wire spelling.
public enum JobKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An NSGA-II search over caching schedules (long: hours).
    case search
    /// Images for prompts under one schedule (short).
    case generate
    /// Scores a set of schedules on a benchmark prompt set (short to medium).
    case evaluate

    /// Whether the scheduler favours this kind as a short job (see ``PriorityPolicy``).
    public var isShort: Bool { self != .search }
}
