/// The models a process knows: the built-in ones plus any read from diffusers configs (e.g. `shapes32`).
///
/// A value type: the daemon or CLI builds one at start-up and passes it down.
public struct ModelRegistry: Sendable {
    private var models: [String: ModelConfig]

    /// A registry of the built-in models (``ModelConfig/builtInIDs``).
    public init() {
        models = [:]
        for id in ModelConfig.builtInIDs {
            if let config = try? ModelConfig.named(id) { models[id] = config }
        }
    }

    /// Adds or replaces a model.
    public mutating func add(_ config: ModelConfig) {
        models[config.id] = config
    }

    /// Known model ids, sorted.
    public var ids: [String] { models.keys.sorted() }

    /// The model named `id`.
    /// - Throws: ``ECADCoreError`` naming the known ids.
    public func config(named id: String) throws(ECADCoreError) -> ModelConfig {
        if let config = models[id] { return config }
        throw ECADCoreError(.unknownName, "unknown model \(ECADCoreError.quoted(id)); known: \(ids.joined(separator: ", "))")
    }
}
