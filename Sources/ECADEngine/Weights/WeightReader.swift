/// Looks up named tensors in a loaded checkpoint and checks their shapes, naming the culprit on failure.
public struct WeightReader: Sendable {
    /// All tensors of the checkpoint by name.
    public let tensors: [String: Tensor]
    /// The checkpoint file, for error messages.
    public let file: String

    /// Wraps loaded tensors.
    public init(tensors: [String: Tensor], file: String) {
        self.tensors = tensors
        self.file = file
    }

    /// The tensor `name`, which must have exactly `shape`.
    public func tensor(_ name: String, shape: [Int]) throws -> Tensor {
        guard let tensor = tensors[name] else { throw EngineError.missingTensor(name: name, file: file) }
        guard tensor.shape == shape else { throw EngineError.shapeMismatch(name: name, expected: shape, actual: tensor.shape) }
        return tensor
    }

    /// A linear layer `prefix.weight` `[out, in]` with `prefix.bias` `[out]` when `bias` is true.
    public func linear(_ prefix: String, inputs: Int, outputs: Int, bias: Bool = true) throws -> LinearWeights {
        LinearWeights(
            weight: try tensor("\(prefix).weight", shape: [outputs, inputs]),
            bias: bias ? try tensor("\(prefix).bias", shape: [outputs]) : nil)
    }
}

/// Parameters of one `nn.Linear`: weight `[N, K]`, optional bias `[N]`, and the weight packed for the native
/// kernels when the engine runs them (``KernelPath``).
public struct LinearWeights: Sendable {
    /// `[N, K]`.
    public let weight: Tensor
    /// `[N]` or nil.
    public let bias: Tensor?
    /// `weight` in the native GEMM's panel layout, or nil on the OpenBLAS path.
    package let packed: PackedWeights?

    /// Creates the layer from its parameters, for the process's kernel path.
    public init(weight: Tensor, bias: Tensor?) {
        self.init(weight: weight, bias: bias, path: .current)
    }

    /// Creates the layer for an explicit kernel path (tests compare the two).
    package init(weight: Tensor, bias: Tensor?, path: KernelPath) {
        self.weight = weight
        self.bias = bias
        packed = path == .native ? PackedWeights(weight) : nil
    }

    /// Output width `N`.
    public var outputs: Int { weight.shape[0] }
    /// Input width `K`.
    public var inputs: Int { weight.shape[1] }

    /// `[..., K] -> [..., N]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        if let packed { return Kernels.linear(x, packed: packed, bias: bias) }
        return Kernels.linear(x, weight: weight, bias: bias, path: .blas)
    }
}
