/// Daemon → worker: score a batch of schedules on prompts × seeds. Answered by ``EvaluateResult``.
///
/// The optional fields (protocol extension for `evaluate` jobs, docs/evaluate.md) are left out of the JSON when
/// nil; a worker that does not know them ignores them, and a missing answer means "not measured".
public struct EvaluateRequest: Codable, Sendable, Equatable {
    /// The schedules to score.
    public var schedules: [WireSchedule]
    /// Calibration prompts.
    public var prompts: [String]
    /// Seeds; every prompt runs once per seed.
    public var seeds: [UInt64]
    /// Sampler settings.
    public var sampler: SamplerSettings
    /// Which entry of `schedules` is the uncached run; PSNR and SSIM are computed against its images.
    public var baselineIndex: Int?
    /// A reference-set name (`"prompts"`: the request's own prompts × seeds rendered by the domain renderer);
    /// when set, each evaluation carries a Fréchet distance to that set.
    public var frechetReference: String?
    /// Timed repetitions per schedule (default 1); the reported latency is their median.
    public var latencyRepeats: Int?
    /// An existing absolute directory inside the job's artifact folder; when set, the worker writes
    /// `s<index>/p<prompt>-s<seed>.png` and `s<index>/grid.png` per schedule there.
    public var imageDirectory: String?

    /// Creates an evaluate request.
    public init(
        schedules: [WireSchedule], prompts: [String], seeds: [UInt64], sampler: SamplerSettings,
        baselineIndex: Int? = nil, frechetReference: String? = nil, latencyRepeats: Int? = nil,
        imageDirectory: String? = nil
    ) {
        self.schedules = schedules
        self.prompts = prompts
        self.seeds = seeds
        self.sampler = sampler
        self.baselineIndex = baselineIndex
        self.frechetReference = frechetReference
        self.latencyRepeats = latencyRepeats
        self.imageDirectory = imageDirectory
    }
}
