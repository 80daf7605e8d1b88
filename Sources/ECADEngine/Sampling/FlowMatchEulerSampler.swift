/// Flow-matching Euler: sigmas from 1 down to 1/T (time-shifted), then 0; the model predicts the velocity
/// `noise - x0` and `x_next = x + (sigma_next - sigma) * v`. Timesteps fed to the model are `sigma * T`.
public struct FlowMatchEulerSampler: Sampler {
    public let timesteps: [Float]
    public var initialNoiseScale: Float { 1 }
    /// Per-step sigmas plus the final 0.
    public let sigmas: [Float]

    /// Sets up `steps` steps with the config's `num_train_timesteps` and `shift`.
    public init(config: SchedulerConfig, steps: Int) throws {
        guard steps >= 1 else { throw EngineError.invalidInput("flow-matching Euler needs at least one step") }
        let trainSteps = Float(config.numTrainTimesteps)
        let base = NoiseSchedule.linspace(1, 1 / Double(trainSteps), steps).map(Float.init)
        let shifted = base.map { config.shift * $0 / (1 + (config.shift - 1) * $0) }
        sigmas = shifted + [0]
        timesteps = shifted.map { $0 * trainSteps }
    }

    public mutating func step(modelOutput: Tensor, index: Int, sample: Tensor) -> Tensor {
        SamplerMath.combine(1, sample, sigmas[index + 1] - sigmas[index], modelOutput)
    }
}
