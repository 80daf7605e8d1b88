import Foundation

/// DPM-Solver++ (multistep, order 1 or 2, midpoint) as diffusers' `DPMSolverMultistepScheduler` computes it,
/// for epsilon and v-prediction models.
public struct DPMSolverMultistep: Sampler {
    public let timesteps: [Float]
    public var initialNoiseScale: Float { 1 }
    /// `sigma` per step plus the final sigma (0 for `final_sigmas_type` "zero").
    public let sigmas: [Float]
    private let config: SchedulerConfig
    private var previousPrediction: Tensor?
    private var lowerOrderCount = 0

    /// Sets up `steps` steps for `config`.
    public init(config: SchedulerConfig, steps: Int) throws {
        guard config.algorithmType == "dpmsolver++" else { throw EngineError.invalidInput("algorithm_type \(config.algorithmType) (only dpmsolver++)") }
        guard config.solverType == "midpoint" else { throw EngineError.invalidInput("solver_type \(config.solverType) (only midpoint)") }
        guard (1...2).contains(config.solverOrder) else { throw EngineError.invalidInput("solver_order \(config.solverOrder) (1 or 2)") }
        guard ["epsilon", "v_prediction"].contains(config.predictionType) else {
            throw EngineError.invalidInput("prediction_type \(config.predictionType) (epsilon or v_prediction)")
        }
        let schedule = try config.noiseSchedule()
        let grid = try schedule.timesteps(count: steps, spacing: config.timestepSpacing, stepsOffset: config.stepsOffset)
        let last: Float
        switch config.finalSigmasType {
        case "zero": last = 0
        case "sigma_min": last = schedule.sigma(at: 0)
        default: throw EngineError.invalidInput("final_sigmas_type \(config.finalSigmasType) (zero or sigma_min)")
        }
        self.config = config
        timesteps = grid.map(Float.init)
        sigmas = grid.map { schedule.sigma(at: $0) } + [last]
    }

    /// `(alpha_t, sigma_t)` of the VP process for a DPM sigma.
    private func alphaSigma(_ sigma: Float) -> (Float, Float) {
        let alpha = 1 / (sigma * sigma + 1).squareRoot()
        return (alpha, sigma * alpha)
    }

    /// The data prediction `x0` from the model output at sigma index `index`.
    private func dataPrediction(_ output: Tensor, sample: Tensor, index: Int) -> Tensor {
        let (alpha, sigma) = alphaSigma(sigmas[index])
        if config.predictionType == "v_prediction" {
            return SamplerMath.combine(alpha, sample, -sigma, output)
        }
        return SamplerMath.combine(1 / alpha, sample, -sigma / alpha, output)
    }

    public mutating func step(modelOutput: Tensor, index: Int, sample: Tensor) -> Tensor {
        let n = timesteps.count
        let lowerOrderFinal = index == n - 1
            && (config.eulerAtFinal || (config.lowerOrderFinal && n < 15) || config.finalSigmasType == "zero")
        let x0 = dataPrediction(modelOutput, sample: sample, index: index)
        let (alphaT, sigmaT) = alphaSigma(sigmas[index + 1])
        let (alphaS0, sigmaS0) = alphaSigma(sigmas[index])
        let lambdaT = logf(alphaT) - logf(sigmaT)
        let lambdaS0 = logf(alphaS0) - logf(sigmaS0)
        let h = lambdaT - lambdaS0
        let decay = alphaT * (expf(-h) - 1)
        let result: Tensor
        if let previous = previousPrediction, config.solverOrder == 2, lowerOrderCount >= 1, !lowerOrderFinal {
            let (alphaS1, sigmaS1) = alphaSigma(sigmas[index - 1])
            let lambdaS1 = logf(alphaS1) - logf(sigmaS1)
            let r0 = (lambdaS0 - lambdaS1) / h
            // x_t = (sigma_t/sigma_s0) x - a (D0) - 0.5 a D1, D1 = (m0 - m1) / r0.
            let d1 = SamplerMath.combine(1 / r0, x0, -1 / r0, previous)
            let firstOrder = SamplerMath.combine(sigmaT / sigmaS0, sample, -decay, x0)
            result = SamplerMath.combine(1, firstOrder, -0.5 * decay, d1)
        } else {
            result = SamplerMath.combine(sigmaT / sigmaS0, sample, -decay, x0)
        }
        previousPrediction = x0
        if lowerOrderCount < config.solverOrder { lowerOrderCount += 1 }
        return result
    }
}
