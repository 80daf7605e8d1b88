/// Which model runs, on which backend, over which prompts, seeds and sampler: the fields every job
/// kind shares (they sit at the top level of the spec).
public struct RunSetup: Sendable, Equatable {
    /// Backend that runs the model.
    public enum Backend: String, Sendable, Equatable, CaseIterable {
        /// `ecad-worker` (Swift, OpenBLAS): the embedded model and PixArt-family models.
        case native
        /// The Python diffusers worker (GPU): PixArt-α/Σ, FLUX.
        case diffusers
    }

    /// Model id (`shapes32`, `pixart-alpha-256`, ...; a folder name, see ``SpecRead/identifier(_:_:)``). Default `"shapes32"`.
    public var model: String
    /// Default `.native`.
    public var backend: Backend
    /// Prompts (the default depends on the job kind).
    public var prompts: PromptSource
    /// Use only the first N prompts. Default nil (all).
    public var promptLimit: Int?
    /// Images per prompt. Default: the number of `seeds` when they are given, else 1.
    public var imagesPerPrompt: Int
    /// Image seeds, one per image of a prompt; default `0 ..< imagesPerPrompt`.
    public var seeds: [Int]
    /// Default ``SamplerSpec/init(name:steps:guidance:)``.
    public var sampler: SamplerSpec
    /// The most worker processes the job may hold at once (its own plus slots the daemon lends it); nil: as many
    /// as there are idle slots.
    public var workers: Int?

    init(from fields: inout SpecFields, defaultPrompts: PromptSource) throws(SpecError) {
        model = try fields.read("model", default: "shapes32", SpecRead.identifier)
        backend = try fields.read("backend", default: .native, SpecRead.choice)
        let limits = fields.limits
        prompts = try fields.read("prompts", default: defaultPrompts) { value, path throws(SpecError) in
            try PromptSource.read(value, path, limits: limits)
        }
        promptLimit = try fields.optionalBounded("prompt_limit", limit: \.prompts)
        let givenCount = try fields.optionalBounded("images_per_prompt", limit: \.imagesPerPrompt)
        let seedsPath = fields.path(of: "seeds")
        let givenSeeds = try fields.optionalList("seeds", limit: \.imagesPerPrompt, SpecRead.nonNegative)
        imagesPerPrompt = givenCount ?? givenSeeds.map { max($0.count, 1) } ?? 1
        seeds = givenSeeds ?? Array(0..<imagesPerPrompt)
        guard seeds.count == imagesPerPrompt else {
            throw .field(seedsPath, "expected \(imagesPerPrompt) seeds (one per image of a prompt), got \(seeds.count)")
        }
        workers = try fields.optionalBounded("workers", limit: \.workers)
        sampler = try fields.section("sampler") { fields throws(SpecError) in try SamplerSpec(from: &fields) }
    }
}
