/// What a job does. The raw value is the stored and wire spelling.
///
/// One definition for job specs, the store, the API and the CLI (`JobSpec.Kind` and `JobView.Kind` name it), as
/// ``JobState`` is for states.
public enum JobKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An NSGA-II search over caching schedules (long: hours).
    case search
    /// Images for prompts under one schedule (short).
    case generate
    /// Scores a set of schedules on a benchmark prompt set (short to medium).
    case evaluate
}
