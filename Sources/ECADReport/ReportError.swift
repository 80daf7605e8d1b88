/// Every error the report code throws; the message names what is wrong.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An argument is malformed (for example a table row with the wrong number of cells).
    case invalidArgument(String)

    /// A message naming the problem.
    public var description: String {
        switch self {
        case .invalidArgument(let message): "invalid report input: \(message)"
        }
    }
}
