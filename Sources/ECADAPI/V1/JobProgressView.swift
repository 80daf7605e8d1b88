/// A running job's progress, as its runner reports it; every field is optional because kinds differ.
///
/// The daemon stores this encoded as the job's progress snapshot and returns it in ``JobView/progress``.
public struct JobProgressView: Codable, Sendable, Hashable {
    /// The search generation completed.
    public var generation: Int?
    /// The generation budget, if there is one.
    public var generations: Int?
    /// Candidates evaluated so far (including cache hits).
    public var evaluations: Int?
    /// Evaluations answered from the cache.
    public var cacheHits: Int?
    /// The best mean reward found.
    public var bestReward: Double?
    /// The hypervolume of the current front.
    public var hypervolume: Double?
    /// Images done, for generate jobs.
    public var imagesDone: Int?
    /// Images to make, for generate jobs.
    public var imagesTotal: Int?
    /// Estimated seconds to completion.
    public var etaSeconds: Double?
    /// A short human-readable status line.
    public var message: String?

    /// Describes progress; unknown parts stay nil.
    public init(
        generation: Int? = nil, generations: Int? = nil, evaluations: Int? = nil, cacheHits: Int? = nil,
        bestReward: Double? = nil, hypervolume: Double? = nil, imagesDone: Int? = nil, imagesTotal: Int? = nil,
        etaSeconds: Double? = nil, message: String? = nil
    ) {
        self.generation = generation
        self.generations = generations
        self.evaluations = evaluations
        self.cacheHits = cacheHits
        self.bestReward = bestReward
        self.hypervolume = hypervolume
        self.imagesDone = imagesDone
        self.imagesTotal = imagesTotal
        self.etaSeconds = etaSeconds
        self.message = message
    }
}
