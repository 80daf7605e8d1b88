/// A 128-bit fingerprint of a genome, stable across processes and versions (it never uses `Hasher`).
///
/// The archive stores keys rather than whole genomes, so a long run's checkpoint stays small.
/// Two different genomes share a key with probability about 2⁻¹²⁸ per pair.
public struct GenomeKey: Hashable, Sendable, Comparable {
    /// High 64 bits.
    public let high: UInt64
    /// Low 64 bits.
    public let low: UInt64

    /// The fingerprint of `genome` (its length and every word, through two independent mixing chains).
    public init(_ genome: Genome) {
        var first = SplitMix64.mix(0x243F_6A88_85A3_08D3 ^ UInt64(genome.count))
        var second = SplitMix64.mix(0x1319_8A2E_0370_7344 &+ UInt64(genome.count))
        for word in genome.words {
            first = SplitMix64.mix(first ^ word) &+ 0x9E37_79B9_7F4A_7C15
            second = SplitMix64.mix(second &+ (word &* 0xD6E8_FEB8_6659_FD93)) ^ 0xA409_3822_299F_31D0
        }
        high = first
        low = second
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Orders keys by their 128-bit value.
    public static func < (lhs: GenomeKey, rhs: GenomeKey) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

extension GenomeKey: Codable, CustomStringConvertible {
    /// The key as 32 hex digits.
    public var description: String { Hex.word(high) + Hex.word(low) }

    /// Decodes 32 hex digits.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard text.count == 32,
            let high = UInt64(text.prefix(16), radix: 16),
            let low = UInt64(text.suffix(16), radix: 16)
        else {
            throw SearchError.invalidGenome("'\(text)' is not a 32-digit genome key")
        }
        self.init(high: high, low: low)
    }

    /// Encodes the key as 32 hex digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
