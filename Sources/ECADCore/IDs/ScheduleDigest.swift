import Foundation

/// The identity of a schedule: SHA-256 (lowercase hex) of the canonical encoding of its schedule part.
///
/// See ``ScheduleDocument/digest`` for which fields are hashed. Written as the bare 64-digit hex string;
/// ``short`` gives the first 12 digits for display.
public struct ScheduleDigest: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let hex: String

    /// Validates a digest string.
    /// - Throws: ``ECADCoreError`` unless `hex` is exactly 64 lowercase hexadecimal digits.
    public init(hex: String) throws(ECADCoreError) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ECADCoreError(.invalidValue, "a schedule digest is 64 lowercase hex digits, got \(ECADCoreError.quoted(hex))")
        }
        self.hex = hex
    }

    /// The digest of the given bytes.
    public init(hashing bytes: some DataProtocol) {
        self.hex = SHA256.hexDigest(bytes)
    }

    /// The first 12 hex digits, for tables and logs.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: ScheduleDigest, rhs: ScheduleDigest) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(hex: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
