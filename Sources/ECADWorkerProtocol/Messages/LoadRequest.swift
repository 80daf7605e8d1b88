/// Daemon → worker: load a model once; later requests run on it. Answered by ``LoadResult``.
public struct LoadRequest: Codable, Sendable, Equatable {
    /// Model id (one of ``Capabilities/models``), or a name for the model at `path`.
    public var model: String
    /// A diffusers-format model directory, when not the built-in model of that id.
    public var path: String?
    /// Device to load onto, e.g. `cpu` or `cuda:0`; the worker's default when absent.
    public var device: String?

    /// Creates a load request.
    public init(model: String, path: String? = nil, device: String? = nil) {
        self.model = model
        self.path = path
        self.device = device
    }
}
