/// Detects a stalled search: the best hypervolume seen has not improved by more than ``epsilon``
/// for ``window`` consecutive recorded generations. Codable, so it is saved beside the search state.
public struct StagnationDetector: Codable, Sendable, Equatable {
    /// Generations without improvement that count as stagnation.
    public let window: Int
    /// Smallest improvement that counts.
    public let epsilon: Double
    /// Best hypervolume recorded so far.
    public private(set) var best: Double?
    /// Generations recorded since the last improvement.
    public private(set) var generationsWithoutImprovement: Int

    /// Creates a detector; throws unless `window ≥ 1` and `epsilon ≥ 0`.
    public init(window: Int, epsilon: Double) throws(SearchError) {
        guard window >= 1 else { throw .invalidConfiguration("stagnation window must be at least 1, got \(window)") }
        guard epsilon >= 0, epsilon.isFinite else {
            throw .invalidConfiguration("stagnation epsilon must be finite and not negative, got \(epsilon)")
        }
        self.window = window
        self.epsilon = epsilon
        best = nil
        generationsWithoutImprovement = 0
    }

    /// Whether the last ``window`` generations brought no improvement.
    public var isStagnant: Bool { generationsWithoutImprovement >= window }

    /// Records one generation's hypervolume; returns ``isStagnant``.
    @discardableResult
    public mutating func record(_ hypervolume: Double) -> Bool {
        if let best, hypervolume <= best + epsilon {
            generationsWithoutImprovement += 1
        } else {
            best = max(best ?? hypervolume, hypervolume)
            generationsWithoutImprovement = 0
        }
        return isStagnant
    }
}
