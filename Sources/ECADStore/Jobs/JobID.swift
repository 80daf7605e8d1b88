/// The identifier of a job: a positive integer assigned by the store at submit time, never reused.
///
/// Temporary home: ECADCore does not define `JobID` yet; when it does, this type moves there with the same
/// wire form (a JSON number).
public struct JobID: RawRepresentable, Hashable, Comparable, Sendable, Codable, LosslessStringConvertible {
    /// The row id in the `job` table.
    public let rawValue: Int64

    /// Wraps a raw id.
    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// Parses a decimal id such as `"42"`; returns nil for anything else, including zero and negatives.
    public init?(_ description: String) {
        guard let value = Int64(description), value > 0 else { return nil }
        self.rawValue = value
    }

    /// The decimal form, as `ecad show 42` takes it.
    public var description: String { String(rawValue) }

    /// Orders ids by submission order.
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes from a JSON number.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
