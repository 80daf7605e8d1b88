/// Worker → daemon: scores of an `evaluate` request, one entry per schedule in request order.
public struct EvaluateResult: Codable, Sendable, Equatable {
    /// The scores of one schedule.
    public struct Evaluation: Codable, Sendable, Equatable {
        /// Index of the schedule in the request.
        public var index: Int
        /// Reward per prompt (mean over seeds), in prompt order.
        public var rewards: [Double]
        /// Multiply-accumulates of one image's denoising under the schedule.
        public var macs: Double
        /// Measured wall-clock seconds per image.
        public var latencySeconds: Double

        /// Creates an evaluation.
        public init(index: Int, rewards: [Double], macs: Double, latencySeconds: Double) {
            self.index = index
            self.rewards = rewards
            self.macs = macs
            self.latencySeconds = latencySeconds
        }
    }

    /// One entry per requested schedule.
    public var evaluations: [Evaluation]

    /// Creates an evaluate result.
    public init(evaluations: [Evaluation]) { self.evaluations = evaluations }
}
