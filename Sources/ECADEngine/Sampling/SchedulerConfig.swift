import Foundation

/// The fields of a diffusers scheduler config (`scheduler_config.json`) the samplers read.
public struct SchedulerConfig: Sendable, Equatable, Decodable {
    /// Training timesteps (1000).
    public var numTrainTimesteps: Int = 1000
    /// First beta (1e-4).
    public var betaStart: Float = 0.0001
    /// Last beta (0.02).
    public var betaEnd: Float = 0.02
    /// "linear" or "scaled_linear".
    public var betaSchedule: String = "linear"
    /// "epsilon", "v_prediction" (or "flow" for flow matching).
    public var predictionType: String = "epsilon"
    /// "linspace", "leading" or "trailing".
    public var timestepSpacing: String = "linspace"
    /// Offset added to "leading" timesteps.
    public var stepsOffset: Int = 0
    /// DPM-Solver order (1 or 2).
    public var solverOrder: Int = 2
    /// Use first order on the final steps.
    public var lowerOrderFinal: Bool = true
    /// Use Euler on the final step.
    public var eulerAtFinal: Bool = false
    /// "zero" or "sigma_min".
    public var finalSigmasType: String = "zero"
    /// Must be "dpmsolver++" for DPM-Solver.
    public var algorithmType: String = "dpmsolver++"
    /// Must be "midpoint" for DPM-Solver.
    public var solverType: String = "midpoint"
    /// Flow-matching time shift.
    public var shift: Float = 1

    enum CodingKeys: String, CodingKey {
        case numTrainTimesteps = "num_train_timesteps", betaStart = "beta_start", betaEnd = "beta_end"
        case betaSchedule = "beta_schedule", predictionType = "prediction_type", timestepSpacing = "timestep_spacing"
        case stepsOffset = "steps_offset", solverOrder = "solver_order", lowerOrderFinal = "lower_order_final"
        case eulerAtFinal = "euler_at_final", finalSigmasType = "final_sigmas_type", algorithmType = "algorithm_type"
        case solverType = "solver_type", shift
    }

    /// Options the samplers do not implement; a config enabling one is refused.
    static let unsupportedFlags = [
        "thresholding", "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas", "use_lu_lambdas",
        "use_flow_sigmas", "rescale_betas_zero_snr", "use_dynamic_shifting",
    ]

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The defaults of diffusers' `DPMSolverMultistepScheduler`.
    public init() {}

    /// Decodes a config; absent keys keep the defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let d = SchedulerConfig()
        numTrainTimesteps = try value(.numTrainTimesteps, d.numTrainTimesteps)
        betaStart = try value(.betaStart, d.betaStart)
        betaEnd = try value(.betaEnd, d.betaEnd)
        betaSchedule = try value(.betaSchedule, d.betaSchedule)
        predictionType = try value(.predictionType, d.predictionType)
        timestepSpacing = try value(.timestepSpacing, d.timestepSpacing)
        stepsOffset = try value(.stepsOffset, d.stepsOffset)
        solverOrder = try value(.solverOrder, d.solverOrder)
        lowerOrderFinal = try value(.lowerOrderFinal, d.lowerOrderFinal)
        eulerAtFinal = try value(.eulerAtFinal, d.eulerAtFinal)
        finalSigmasType = try value(.finalSigmasType, d.finalSigmasType)
        algorithmType = try value(.algorithmType, d.algorithmType)
        solverType = try value(.solverType, d.solverType)
        shift = try value(.shift, d.shift)
        let flags = try decoder.container(keyedBy: AnyKey.self)
        for flag in Self.unsupportedFlags where try flags.decodeIfPresent(Bool.self, forKey: AnyKey(stringValue: flag)) == true {
            throw EngineError.invalidInput("scheduler option \(flag) is not supported")
        }
    }

    /// Loads `scheduler_config.json`.
    public static func load(path: String) throws -> SchedulerConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.io(path: path, reason: "no such file or not readable")
        }
        // diffusers writes `-Infinity` (lambda_min_clipped), which only JSON5 accepts.
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do { return try decoder.decode(SchedulerConfig.self, from: data) } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.invalidConfig(path: path, reason: "\(error)")
        }
    }

    /// The noise schedule these fields describe.
    public func noiseSchedule() throws -> NoiseSchedule {
        try NoiseSchedule(trainSteps: numTrainTimesteps, betaStart: betaStart, betaEnd: betaEnd, betaSchedule: betaSchedule)
    }
}
