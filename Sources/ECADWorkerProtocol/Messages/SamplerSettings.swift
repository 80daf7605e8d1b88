/// The sampler a request runs under.
public struct SamplerSettings: Codable, Sendable, Equatable {
    /// Sampler name, e.g. `dpmpp-2m`.
    public var name: String
    /// Number of denoising steps.
    public var steps: Int
    /// Classifier-free guidance scale.
    public var guidance: Double

    /// Creates sampler settings; the defaults are the reference setup (DPM-Solver++ 2M, 20 steps, guidance 4.5).
    public init(name: String = "dpmpp-2m", steps: Int = 20, guidance: Double = 4.5) {
        self.name = name
        self.steps = steps
        self.guidance = guidance
    }
}
