/// Deterministic DDIM (eta = 0) over the discrete noise schedule, stepping from each timestep to the next one
/// of the grid (to `alphā = 1` after the last).
public struct DDIMSampler: Sampler {
    public let timesteps: [Float]
    public var initialNoiseScale: Float { 1 }
    private let schedule: NoiseSchedule
    private let grid: [Int]
    private let vPrediction: Bool

    /// Sets up `steps` steps with the config's spacing and prediction type.
    public init(config: SchedulerConfig, steps: Int) throws {
        guard ["epsilon", "v_prediction"].contains(config.predictionType) else {
            throw EngineError.invalidInput("prediction_type \(config.predictionType) (epsilon or v_prediction)")
        }
        schedule = try config.noiseSchedule()
        grid = try schedule.timesteps(count: steps, spacing: config.timestepSpacing, stepsOffset: config.stepsOffset)
        timesteps = grid.map(Float.init)
        vPrediction = config.predictionType == "v_prediction"
    }

    public mutating func step(modelOutput: Tensor, index: Int, sample: Tensor) -> Tensor {
        let alphaT = schedule.alphasCumprod[grid[index]]
        let alphaPrev: Float = index + 1 < grid.count ? schedule.alphasCumprod[grid[index + 1]] : 1
        let (a, s) = (alphaT.squareRoot(), (1 - alphaT).squareRoot())
        let x0: Tensor
        let epsilon: Tensor
        if vPrediction {
            x0 = SamplerMath.combine(a, sample, -s, modelOutput)
            epsilon = SamplerMath.combine(a, modelOutput, s, sample)
        } else {
            x0 = SamplerMath.combine(1 / a, sample, -s / a, modelOutput)
            epsilon = modelOutput
        }
        return SamplerMath.combine(alphaPrev.squareRoot(), x0, (1 - alphaPrev).squareRoot(), epsilon)
    }
}
