import Foundation

/// The identifier of a job: a positive integer assigned in submission order, like Slurm's job ids.
///
/// Written and parsed as plain decimal (`42`); `job 42` reads well in CLI output, and users type
/// `ecad cancel 42`. Encoded in JSON as a number.
public struct JobID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The job number, at least 1.
    public let rawValue: Int64

    /// Wraps a job number.
    /// - Throws: ``ECADCoreError`` if `rawValue` is not positive.
    public init(_ rawValue: Int64) throws(ECADCoreError) {
        guard rawValue >= 1 else { throw ECADCoreError(.invalidValue, "a job id is a positive integer, got \(rawValue)") }
        self.rawValue = rawValue
    }

    /// Parses the decimal form a user typed (surrounding whitespace allowed).
    /// - Throws: ``ECADCoreError`` naming the text if it is not a positive integer.
    public init(parsing text: String) throws(ECADCoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int64(trimmed) else {
            throw ECADCoreError(.invalidValue, "a job id is a positive integer, got \(ECADCoreError.quoted(text))")
        }
        try self.init(value)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int64.self)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
