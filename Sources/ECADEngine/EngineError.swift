/// Errors raised by the engine: bad files, bad configs, missing or misshaped weights, bad inputs.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A safetensors file is malformed.
    case malformedSafetensors(path: String, reason: String)
    /// A tensor uses a dtype the engine cannot convert to Float.
    case unsupportedDType(name: String, dtype: String)
    /// A required tensor is absent.
    case missingTensor(name: String, file: String)
    /// A tensor has the wrong shape.
    case shapeMismatch(name: String, expected: [Int], actual: [Int])
    /// A model config is malformed or describes an unsupported model.
    case invalidConfig(path: String, reason: String)
    /// An input to a forward pass or sampler is inconsistent.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .io(let path, let reason): "cannot access \(path): \(reason)"
        case .malformedSafetensors(let path, let reason): "malformed safetensors file \(path): \(reason)"
        case .unsupportedDType(let name, let dtype): "tensor '\(name)' has unsupported dtype \(dtype) (use F32, F16 or BF16)"
        case .missingTensor(let name, let file): "tensor '\(name)' is missing from \(file)"
        case .shapeMismatch(let name, let expected, let actual):
            "tensor '\(name)' has shape \(actual), expected \(expected)"
        case .invalidConfig(let path, let reason): "invalid model config \(path): \(reason)"
        case .invalidInput(let reason): "invalid input: \(reason)"
        }
    }
}
