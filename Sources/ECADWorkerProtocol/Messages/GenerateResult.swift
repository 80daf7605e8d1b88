/// Worker → daemon: the images of a `generate` request.
public struct GenerateResult: Codable, Sendable, Equatable {
    /// One rendered image.
    public struct Image: Codable, Sendable, Equatable {
        /// Index of the prompt in the request.
        public var promptIndex: Int
        /// The seed it was rendered with.
        public var seed: UInt64
        /// Absolute path of the PNG file, inside the request's artifact directory.
        public var path: String
        /// Wall-clock seconds for this image.
        public var latencySeconds: Double
        /// Multiply-accumulates spent on this image.
        public var macs: Double

        /// Creates an image entry.
        public init(promptIndex: Int, seed: UInt64, path: String, latencySeconds: Double, macs: Double) {
            self.promptIndex = promptIndex
            self.seed = seed
            self.path = path
            self.latencySeconds = latencySeconds
            self.macs = macs
        }
    }

    /// Images in prompt-major, seed-minor order.
    public var images: [Image]
    /// Absolute path of `grid.png` inside the artifact directory, when the request asked for a grid and the
    /// worker can draw one.
    public var grid: String?

    /// Creates a generate result.
    public init(images: [Image], grid: String? = nil) {
        self.images = images
        self.grid = grid
    }
}
