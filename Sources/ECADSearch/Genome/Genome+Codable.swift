/// JSON form: `{"count": n, "hex": "..."}`, where byte `j` (bits `8j ..< 8j+8`, lowest bit first) is
/// written as two hex digits, most significant digit first.
extension Genome: Codable {
    private enum CodingKeys: String, CodingKey {
        case count
        case hex
    }

    /// Decodes and validates the length, the digits and the padding.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let count = try container.decode(Int.self, forKey: .count)
        let hex = try container.decode(String.self, forKey: .hex)
        try self.init(count: count, hex: hex)
    }

    /// Encodes the length and the hex bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(hex, forKey: .hex)
    }

    /// The bytes of the genome as hex text (see the type's Codable form).
    public var hex: String {
        var digits: [UInt8] = []
        let byteCount = (count + 7) / 8
        digits.reserveCapacity(byteCount * 2)
        for byteIndex in 0..<byteCount {
            let byte = UInt8(truncatingIfNeeded: words[byteIndex / 8] >> UInt64(8 * (byteIndex % 8)))
            digits.append(Hex.digit(byte >> 4))
            digits.append(Hex.digit(byte))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// A genome of `count` bits from its hex text.
    public init(count: Int, hex: String) throws(SearchError) {
        let digits = Array(hex.utf8)
        guard count >= 0, digits.count == 2 * ((count + 7) / 8) else {
            throw .invalidGenome("\(digits.count) hex digits do not encode \(count) bits")
        }
        var words = [UInt64](repeating: 0, count: (count + 63) / 64)
        for byteIndex in 0..<(digits.count / 2) {
            guard let high = Hex.nibble(digits[2 * byteIndex]), let low = Hex.nibble(digits[2 * byteIndex + 1]) else {
                throw .invalidGenome("'\(hex)' is not hexadecimal")
            }
            words[byteIndex / 8] |= UInt64(high << 4 | low) << UInt64(8 * (byteIndex % 8))
        }
        try self.init(count: count, words: words)
    }
}
