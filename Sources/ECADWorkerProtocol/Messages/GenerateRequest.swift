/// Daemon → worker: render prompts × seeds under one schedule into PNG files. Answered by ``GenerateResult``.
public struct GenerateRequest: Codable, Sendable, Equatable {
    /// The schedule; absent means compute everything.
    public var schedule: WireSchedule?
    /// Prompts to render.
    public var prompts: [String]
    /// Seeds; every prompt is rendered once per seed.
    public var seeds: [UInt64]
    /// Sampler settings.
    public var sampler: SamplerSettings
    /// Existing directory the worker writes its PNG files into (and nowhere else).
    public var artifactDir: String
    /// Also write `grid.png` of all images into `artifactDir` (optional field; absent means no grid).
    public var grid: Bool?
    /// Grid columns, images in result order without labels; absent means rows = prompts, columns = seeds.
    public var gridColumns: Int?

    /// Creates a generate request.
    public init(
        schedule: WireSchedule?, prompts: [String], seeds: [UInt64], sampler: SamplerSettings, artifactDir: String,
        grid: Bool? = nil, gridColumns: Int? = nil
    ) {
        self.schedule = schedule
        self.prompts = prompts
        self.seeds = seeds
        self.sampler = sampler
        self.artifactDir = artifactDir
        self.grid = grid
        self.gridColumns = gridColumns
    }
}
