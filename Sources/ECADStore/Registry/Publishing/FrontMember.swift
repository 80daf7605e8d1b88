import ECADCore

/// One schedule of a finished search's front, ready to publish.
public struct FrontMember: Sendable, Hashable {
    /// The schedule file (`ecad.schedule/v1`); its digest names the version.
    public var document: ScheduleDocument
    /// Its metrics on the calibration prompts.
    public var metrics: RegistryMetrics
    /// The generation it was found in.
    public var generation: Int?

    /// Describes a member.
    public init(document: ScheduleDocument, metrics: RegistryMetrics, generation: Int? = nil) {
        self.document = document
        self.metrics = metrics
        self.generation = generation
    }
}
