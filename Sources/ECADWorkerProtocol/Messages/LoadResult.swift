/// Worker → daemon: a model is loaded (`result` of `load`).
public struct LoadResult: Codable, Sendable, Equatable {
    /// The loaded model's id.
    public var model: String
    /// sha256 of the weights, `sha256:<hex>`, when known.
    public var digest: String?
    /// Schedule shape: steps of the default sampler.
    public var steps: Int
    /// Schedule shape: number of blocks.
    public var blocks: Int
    /// Schedule shape: component names.
    public var components: [String]

    /// Creates a load result.
    public init(model: String, digest: String? = nil, steps: Int, blocks: Int, components: [String]) {
        self.model = model
        self.digest = digest
        self.steps = steps
        self.blocks = blocks
        self.components = components
    }
}
