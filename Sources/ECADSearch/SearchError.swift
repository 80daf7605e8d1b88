/// Everything that can go wrong in ECADSearch, with a message naming the bad input.
public enum SearchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A problem shape or algorithm setting is out of range.
    case invalidConfiguration(String)
    /// A genome has the wrong length or a malformed encoding.
    case invalidGenome(String)
    /// An evaluation does not fit the problem (count or non-finite values).
    case invalidEvaluation(String)
    /// A result names a candidate that is not pending, or contradicts an earlier result.
    case invalidResult(String)
    /// A call does not fit the state machine's current phase.
    case invalidPhase(String)
    /// A saved random-number-generator state is malformed.
    case invalidRandomState(String)

    /// A one-line message.
    public var description: String {
        switch self {
        case .invalidConfiguration(let message): "invalid search configuration: \(message)"
        case .invalidGenome(let message): "invalid genome: \(message)"
        case .invalidEvaluation(let message): "invalid evaluation: \(message)"
        case .invalidResult(let message): "invalid result: \(message)"
        case .invalidPhase(let message): "out of order: \(message)"
        case .invalidRandomState(let message): "invalid random state: \(message)"
        }
    }
}
