/// A canonical Huffman code (RFC 1951 section 3.2.2) decoded one bit at a time from code-length counts.
///
/// `counts[len]` is the number of codes of length `len`; `symbols` lists symbols in canonical order
/// (by length, then by symbol value). Incomplete codes are accepted (deflate allows them for a single
/// distance code); reading an unassigned code throws.
struct HuffmanDecoder {
    static let maxBits = 15
    private var counts = [Int](repeating: 0, count: maxBits + 1)
    private var symbols: [Int] = []

    /// Builds the code from one length per symbol (0 = unused); throws for an over-subscribed set.
    init(lengths: [Int]) throws {
        var counts = [Int](repeating: 0, count: Self.maxBits + 1)
        for length in lengths {
            guard length >= 0, length <= Self.maxBits else {
                throw MetricsError.invalidDeflate("code length \(length) out of range")
            }
            counts[length] += 1
        }
        var left = 1
        for length in 1...Self.maxBits {
            left = left * 2 - counts[length]
            guard left >= 0 else { throw MetricsError.invalidDeflate("over-subscribed Huffman code") }
        }
        self.init(validLengths: lengths)
    }

    /// Builds the code from lengths already known to be in range and not over-subscribed (the fixed codes).
    init(validLengths lengths: [Int]) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
        for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: offsets[Self.maxBits + 1])
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }

    /// Reads one symbol.
    func decode(_ reader: inout DeflateBitReader) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...Self.maxBits {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw MetricsError.invalidDeflate("invalid Huffman code")
    }
}
