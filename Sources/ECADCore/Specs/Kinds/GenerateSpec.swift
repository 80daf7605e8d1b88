/// A `kind = "generate"` job: images for prompts under one schedule.
public struct GenerateSpec: Sendable, Equatable {
    /// `[output]`: how images are written.
    public struct Output: Sendable, Equatable {
        /// Also write one grid image of all results. Default true.
        public var grid: Bool
        /// Grid columns; nil means images per prompt. Default nil.
        public var columns: Int?

        init(from fields: inout SpecFields) throws(SpecError) {
            grid = try fields.read("grid", default: true, SpecRead.bool)
            columns = try fields.optionalBounded("columns", limit: \.outputColumns)
        }
    }

    /// Optional job name. Default nil.
    public var name: String?
    /// Model, backend, prompts (default `{ set = "benchmark" }`), seeds and sampler.
    public var setup: RunSetup
    /// The schedule; nil computes every component (no caching). Default nil.
    public var schedule: ScheduleSource?
    /// Output options.
    public var output: Output

    init(from fields: inout SpecFields) throws(SpecError) {
        name = try fields.optional("name", SpecRead.nonEmptyString)
        setup = try RunSetup(from: &fields, defaultPrompts: .set("benchmark"))
        schedule = try fields.optional("schedule") { value, path throws(SpecError) in
            try ScheduleSource.read(value, path, allowFront: false)
        }
        output = try fields.section("output") { fields throws(SpecError) in try Output(from: &fields) }
    }
}
