/// Sampler settings: `sampler = { name = "dpm-solver++-2m", steps = 20, guidance = 4.5 }`.
public struct SamplerSpec: Sendable, Equatable {
    /// Sampler name as the backend knows it. Default `"dpm-solver++-2m"`.
    public var name: String
    /// Denoising steps. Default 20.
    public var steps: Int
    /// Classifier-free guidance scale. Default 4.5.
    public var guidance: Double

    /// The reference setting: DPM-Solver++ 2M, 20 steps, guidance 4.5.
    public init(name: String = "dpm-solver++-2m", steps: Int = 20, guidance: Double = 4.5) {
        self.name = name
        self.steps = steps
        self.guidance = guidance
    }

    init(from fields: inout SpecFields) throws(SpecError) {
        let defaults = SamplerSpec()
        name = try fields.read("name", default: defaults.name, SpecRead.nonEmptyString)
        steps = try fields.bounded("steps", default: defaults.steps, limit: \.steps)
        guidance = try fields.read("guidance", default: defaults.guidance) { value, path throws(SpecError) in
            try SpecRead.number(value, path, in: 0...100)
        }
    }
}
