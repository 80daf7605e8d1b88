/// Fixed-width lowercase hexadecimal text for the search's Codable forms (RNG words, genomes, keys).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `value` as exactly 16 hex digits, most significant first.
    static func word(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 {
            bytes[15 - index] = digits[Int((value >> (4 * UInt64(index))) & 0xF)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of one hex digit, or nil.
    static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The hex digit for a value in 0...15.
    static func digit(_ value: UInt8) -> UInt8 {
        digits[Int(value & 0xF)]
    }
}
