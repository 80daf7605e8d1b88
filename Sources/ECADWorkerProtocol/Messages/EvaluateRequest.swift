/// Daemon → worker: score a batch of schedules on prompts × seeds. Answered by ``EvaluateResult``.
public struct EvaluateRequest: Codable, Sendable, Equatable {
    /// The schedules to score.
    public var schedules: [WireSchedule]
    /// Calibration prompts.
    public var prompts: [String]
    /// Seeds; every prompt runs once per seed.
    public var seeds: [UInt64]
    /// Sampler settings.
    public var sampler: SamplerSettings

    /// Creates an evaluate request.
    public init(schedules: [WireSchedule], prompts: [String], seeds: [UInt64], sampler: SamplerSettings) {
        self.schedules = schedules
        self.prompts = prompts
        self.seeds = seeds
        self.sampler = sampler
    }
}
