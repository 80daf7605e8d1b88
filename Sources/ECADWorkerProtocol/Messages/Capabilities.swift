/// Worker → daemon: what the worker can do (answer to ``HelloRequest``).
public struct Capabilities: Codable, Sendable, Equatable {
    /// One model the worker can load.
    public struct Model: Codable, Sendable, Equatable {
        /// Model id, e.g. `shapes32` or `pixart-alpha-256`.
        public var id: String
        /// Component names of its schedules, when known before loading.
        public var components: [String]?

        /// Creates a model entry.
        public init(id: String, components: [String]? = nil) {
            self.id = id
            self.components = components
        }
    }

    /// The protocol version the worker chose (one of the hello's versions).
    public var protocolVersion: Int
    /// Backend name: `native`, `diffusers`, `fake`, ...
    public var backend: String
    /// Models the worker can load by id.
    public var models: [Model]
    /// Compute devices, e.g. `cpu`, `cuda:0`.
    public var devices: [String]
    /// The worker's software version.
    public var workerVersion: String

    /// Creates a capabilities answer.
    public init(protocolVersion: Int, backend: String, models: [Model], devices: [String], workerVersion: String) {
        self.protocolVersion = protocolVersion
        self.backend = backend
        self.models = models
        self.devices = devices
        self.workerVersion = workerVersion
    }
}
