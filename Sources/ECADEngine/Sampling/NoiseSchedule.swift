import Foundation

/// The discrete DDPM noise schedule (`betas`, cumulative `alphas`) and diffusers' timestep spacings.
public struct NoiseSchedule: Sendable {
    /// `alphā_t` for t in 0..<trainSteps, accumulated in Float as the reference does.
    public let alphasCumprod: [Float]

    /// Builds the schedule: "linear" (`beta_start...beta_end`) or "scaled_linear" (linear in sqrt(beta)).
    public init(trainSteps: Int, betaStart: Float, betaEnd: Float, betaSchedule: String) throws {
        guard trainSteps > 1 else { throw EngineError.invalidInput("num_train_timesteps must exceed 1") }
        let betas: [Float]
        switch betaSchedule {
        case "linear":
            betas = Self.linspace(Double(betaStart), Double(betaEnd), trainSteps).map { Float($0) }
        case "scaled_linear":
            betas = Self.linspace(Double(betaStart).squareRoot(), Double(betaEnd).squareRoot(), trainSteps).map { Float($0 * $0) }
        default:
            throw EngineError.invalidInput("beta_schedule \(betaSchedule) (use linear or scaled_linear)")
        }
        var product: Float = 1
        alphasCumprod = betas.map { beta in
            product *= 1 - beta
            return product
        }
    }

    /// The number of training timesteps.
    public var trainSteps: Int { alphasCumprod.count }

    /// `n` evenly spaced values from `a` to `b` inclusive (numpy `linspace`).
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return [a] }
        let step = (b - a) / Double(n - 1)
        return (0..<n).map { $0 == n - 1 ? b : a + Double($0) * step }
    }

    /// Integer inference timesteps, descending, for diffusers' `timestep_spacing`
    /// ("linspace", "leading" or "trailing"), with `steps_offset` applied to "leading".
    public func timesteps(count: Int, spacing: String, stepsOffset: Int) throws -> [Int] {
        guard count >= 1, count <= trainSteps else { throw EngineError.invalidInput("\(count) inference steps for \(trainSteps) train steps") }
        switch spacing {
        case "linspace":
            let grid = Self.linspace(0, Double(trainSteps - 1), count + 1).map { Int($0.rounded(.toNearestOrEven)) }
            return Array(grid.reversed().dropLast())
        case "leading":
            let ratio = trainSteps / (count + 1)
            return Array((0...count).map { $0 * ratio + stepsOffset }.reversed().dropLast())
        case "trailing":
            let ratio = Double(trainSteps) / Double(count)
            return stride(from: Double(trainSteps), to: 0, by: -ratio).map { Int($0.rounded(.toNearestOrEven)) - 1 }
        default:
            throw EngineError.invalidInput("timestep_spacing \(spacing) (use linspace, leading or trailing)")
        }
    }

    /// `sigma_t = sqrt((1 - alphā_t) / alphā_t)` at each integer timestep, linearly interpolated as
    /// numpy's `interp` would (exact at integers).
    public func sigma(at t: Int) -> Float {
        let a = alphasCumprod[max(0, min(trainSteps - 1, t))]
        return ((1 - a) / a).squareRoot()
    }
}
