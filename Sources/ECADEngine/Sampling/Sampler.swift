/// A multistep diffusion sampler: it owns the timestep grid and turns model outputs into the next sample.
public protocol Sampler: Sendable {
    /// The timesteps fed to the model, one per step, in sampling order.
    var timesteps: [Float] { get }
    /// The factor the initial Gaussian noise is multiplied by.
    var initialNoiseScale: Float { get }
    /// Advances `sample` `[N, C, H, W]` by step `index` given the (guided) model output of the same shape.
    mutating func step(modelOutput: Tensor, index: Int, sample: Tensor) -> Tensor
}

extension Sampler {
    /// The number of steps.
    public var stepCount: Int { timesteps.count }
}

/// Elementwise helpers shared by the samplers: `a * x + b * y` over equal-shaped tensors.
enum SamplerMath {
    static func combine(_ a: Float, _ x: Tensor, _ b: Float, _ y: Tensor) -> Tensor {
        precondition(x.shape == y.shape, "sampler: \(x.shape) vs \(y.shape)")
        var out = x.scalars
        for i in 0..<out.count { out[i] = a * x.scalars[i] + b * y.scalars[i] }
        return Tensor(shape: x.shape, scalars: out)
    }
}
