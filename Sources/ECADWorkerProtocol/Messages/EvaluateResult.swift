/// Worker → daemon: scores of an `evaluate` request, one entry per schedule in request order.
public struct EvaluateResult: Codable, Sendable, Equatable {
    /// The scores of one schedule. The optional fields are present only when the request asked for them and
    /// the worker can measure them.
    public struct Evaluation: Codable, Sendable, Equatable {
        /// Index of the schedule in the request.
        public var index: Int
        /// Reward per prompt (mean over seeds), in prompt order.
        public var rewards: [Double]
        /// Multiply-accumulates of one image's denoising under the schedule.
        public var macs: Double
        /// Measured wall-clock seconds per image (the median over `latencyRepeats` when repeated).
        public var latencySeconds: Double
        /// Fréchet distance to the requested reference set.
        public var frechetDistance: Double?
        /// Mean PSNR (dB) against the baseline's images for the same prompt and seed.
        public var psnr: Double?
        /// Mean SSIM against the baseline's images for the same prompt and seed.
        public var ssim: Double?
        /// Each timed repetition, seconds per image.
        public var latencyRepeats: [Double]?
        /// PNG paths relative to the request's `imageDirectory`, prompt-major then seed.
        public var images: [String]?
        /// The grid PNG (rows = prompts, columns = seeds), relative to `imageDirectory`.
        public var grid: String?
        /// Set by the daemon, never by a worker: why the schedule could not be evaluated (a Slurm chunk that failed
        /// every attempt). The search ranks such a candidate last.
        public var failure: String?

        /// Creates an evaluation.
        public init(
            index: Int, rewards: [Double], macs: Double, latencySeconds: Double, frechetDistance: Double? = nil,
            psnr: Double? = nil, ssim: Double? = nil, latencyRepeats: [Double]? = nil, images: [String]? = nil,
            grid: String? = nil, failure: String? = nil
        ) {
            self.index = index
            self.rewards = rewards
            self.macs = macs
            self.latencySeconds = latencySeconds
            self.frechetDistance = frechetDistance
            self.psnr = psnr
            self.ssim = ssim
            self.latencyRepeats = latencyRepeats
            self.images = images
            self.grid = grid
            self.failure = failure
        }
    }

    /// One entry per requested schedule.
    public var evaluations: [Evaluation]

    /// Creates an evaluate result.
    public init(evaluations: [Evaluation]) { self.evaluations = evaluations }
}
