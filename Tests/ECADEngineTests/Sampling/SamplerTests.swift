import Foundation
import Testing
@testable import ECADEngine

/// Timestep grids and closed-form properties of the samplers.
struct SamplerTests {
    @Test func linspaceGridMatchesDiffusersTwentySteps() throws {
        let sampler = try DPMSolverMultistep(config: SchedulerConfig(), steps: 20)
        let expected: [Float] = [999, 949, 899, 849, 799, 749, 699, 649, 599, 549, 500, 450, 400, 350, 300, 250, 200, 150, 100, 50]
        #expect(sampler.timesteps == expected)
        #expect(sampler.sigmas.count == 21 && sampler.sigmas.last == 0)
        #expect(sampler.sigmas[0] > sampler.sigmas[1])
    }

    @Test func leadingAndTrailingSpacings() throws {
        let schedule = try SchedulerConfig().noiseSchedule()
        #expect(try schedule.timesteps(count: 4, spacing: "leading", stepsOffset: 1) == [801, 601, 401, 201])
        #expect(try schedule.timesteps(count: 4, spacing: "trailing", stepsOffset: 0) == [999, 749, 499, 249])
        #expect(throws: EngineError.self) { try schedule.timesteps(count: 4, spacing: "cosine", stepsOffset: 0) }
    }

    @Test func perfectPredictionsRecoverTheData() throws {
        // A model that predicts the exact v (or epsilon) of a fixed x0 must land on x0.
        let x0 = Tensor(shape: [1, 1, 1, 2], scalars: [0.5, -0.25])
        let noise = Tensor(shape: [1, 1, 1, 2], scalars: [1.2, -0.7])
        for prediction in ["v_prediction", "epsilon"] {
            var config = SchedulerConfig()
            config.predictionType = prediction
            var dpm = try DPMSolverMultistep(config: config, steps: 10)
            var ddim = try DDIMSampler(config: config, steps: 10)
            let schedule = try config.noiseSchedule()
            func oracle(_ x: Tensor, _ t: Float) -> Tensor {
                let a = schedule.alphasCumprod[Int(t)]
                let (sa, sb) = (a.squareRoot(), (1 - a).squareRoot())
                let eps = SamplerMath.combine(1 / sb, x, -sa / sb, x0)
                return prediction == "epsilon" ? eps : SamplerMath.combine(sa, eps, -sb, x0)
            }
            var x = noise
            var y = noise
            for i in 0..<10 {
                x = dpm.step(modelOutput: oracle(x, dpm.timesteps[i]), index: i, sample: x)
                y = ddim.step(modelOutput: oracle(y, ddim.timesteps[i]), index: i, sample: y)
            }
            #expect(x.maxDifference(x0) < 1e-3, "\(prediction) DPM")
            #expect(y.maxDifference(x0) < 1e-3, "\(prediction) DDIM")
        }
    }

    @Test func flowEulerIntegratesAConstantVelocityExactly() throws {
        var sampler = try FlowMatchEulerSampler(config: SchedulerConfig(), steps: 5)
        let x0 = Tensor(shape: [2], scalars: [0.3, -0.9])
        let noise = Tensor(shape: [2], scalars: [1, 1])
        let velocity = SamplerMath.combine(1, noise, -1, x0)
        var x = SamplerMath.combine(1, x0, 1, velocity)  // sigma = 1 starts at pure noise
        for i in 0..<5 { x = sampler.step(modelOutput: velocity, index: i, sample: x) }
        #expect(x.maxDifference(x0) < 1e-5)
        #expect(sampler.timesteps.first == 1000)
    }
}
