/// A `kind = "evaluate"` job: score a set of schedules on a benchmark prompt set, producing a table
/// and a Pareto plot.
public struct EvaluateSpec: Sendable, Equatable {
    /// A metric to compute for every schedule.
    public enum Metric: String, Sendable, Equatable, CaseIterable {
        /// Mean prompt-alignment reward.
        case reward
        /// MACs ratio to the uncached model.
        case macs
        /// Measured latency and speedup.
        case latency
        /// Fréchet distance to the reference set (FID, or its shapes32 analog).
        case fid
        /// CLIP score.
        case clip
        /// PSNR against the uncached output.
        case psnr
        /// SSIM against the uncached output.
        case ssim
    }

    /// Optional job name. Default nil.
    public var name: String?
    /// Model, backend, benchmark prompts (default `{ set = "benchmark" }`), seeds and sampler.
    public var setup: RunSetup
    /// Schedules to score (fronts, registry entries, heuristic families, files). Required: at least one, counting
    /// the top-level `front` field, which is placed first here as `.front(id)`.
    public var schedules: [ScheduleSource]
    /// Also score the uncached model as the baseline row. Default true.
    public var includeBaseline: Bool
    /// Default `["reward", "macs", "latency"]`.
    public var metrics: [Metric]
    /// Timed repetitions per schedule for latency. Default 5.
    public var latencyRepeats: Int

    init(from fields: inout SpecFields) throws(SpecError) {
        name = try fields.optional("name", SpecRead.nonEmptyString)
        setup = try RunSetup(from: &fields, defaultPrompts: .set("benchmark"))
        let schedulesPath = fields.path(of: "schedules")
        // `front = "12"` (or 12): a search job's front ahead of `schedules`; one key, so `--set front=12` can set it.
        let front = try fields.optional("front") { value, path throws(SpecError) -> String in
            if case .integer(let id) = value, id >= 1 { return String(id) }
            return try SpecRead.nonEmptyString(value, path)
        }
        schedules = try fields.list("schedules", default: [], limit: \.schedules) { item, itemPath throws(SpecError) in
            try ScheduleSource.read(item, itemPath, allowFront: true)
        }
        if let front { schedules.insert(.front(front), at: 0) }
        guard !schedules.isEmpty else {
            throw .field(schedulesPath, "expected at least one schedule source ({ front = ... }, a registry name, { heuristic = ... } or { file = ... }) or a top-level front = <search job id>")
        }
        includeBaseline = try fields.read("include_baseline", default: true, SpecRead.bool)
        let metricsPath = fields.path(of: "metrics")
        metrics = try fields.read("metrics", default: [.reward, .macs, .latency], SpecRead.distinctChoices)
        guard !metrics.isEmpty else { throw .field(metricsPath, "expected at least one metric, got []") }
        latencyRepeats = try fields.bounded("latency_repeats", default: 5, limit: \.latencyRepeats)
    }
}
