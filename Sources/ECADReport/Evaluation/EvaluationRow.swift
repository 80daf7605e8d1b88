/// One measured schedule of an evaluation, as the worker reported it. A nil metric was not measured (not
/// asked for, or the worker cannot give it) and shows as `-`.
public struct EvaluationRow: Sendable, Equatable, Codable {
    /// Every source that named this schedule, in spec order (at least one).
    public var sources: [EvaluationSource]
    /// The schedule digest (64 hex digits).
    public var digest: String
    /// Mean reward over prompts × seeds.
    public var reward: Double?
    /// Multiply-accumulates per image.
    public var macs: Double?
    /// Measured seconds per image (median of the timed repetitions).
    public var latencySeconds: Double?
    /// Fréchet distance to the reference set.
    public var frechetDistance: Double?
    /// Mean PSNR (dB) against the uncached images.
    public var psnr: Double?
    /// Mean SSIM against the uncached images.
    public var ssim: Double?
    /// The grid image (rows = prompts, columns = seeds), relative to the artifact folder.
    public var grid: String?

    /// A row.
    public init(
        sources: [EvaluationSource], digest: String, reward: Double? = nil, macs: Double? = nil,
        latencySeconds: Double? = nil, frechetDistance: Double? = nil, psnr: Double? = nil, ssim: Double? = nil,
        grid: String? = nil
    ) {
        self.sources = sources
        self.digest = digest
        self.reward = reward
        self.macs = macs
        self.latencySeconds = latencySeconds
        self.frechetDistance = frechetDistance
        self.psnr = psnr
        self.ssim = ssim
        self.grid = grid
    }

    /// The digest's first 12 hex digits.
    public var shortDigest: String { String(digest.prefix(12)) }

    /// The source kinds joined by `+` (`front+heuristic`).
    public var sourceText: String { unique(sources.map(\.kind.rawValue)).joined(separator: "+") }

    /// The labels joined by ` = ` (`job 12 #3 = fora:n=2`).
    public var labelText: String { unique(sources.map(\.label)).joined(separator: " = ") }

    /// Whether any source is of `kind`.
    public func has(_ kind: EvaluationSource.Kind) -> Bool { sources.contains { $0.kind == kind } }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
