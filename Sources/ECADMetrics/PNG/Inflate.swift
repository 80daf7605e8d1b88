/// Decompresses zlib (RFC 1950) and raw deflate (RFC 1951) data: stored, fixed-Huffman and dynamic-Huffman blocks.
public enum Inflate {
    /// Decompresses a zlib stream, checking its header and Adler-32 trailer.
    ///
    /// - Parameter maxOutput: output larger than this throws (a guard against decompression bombs).
    public static func zlib(_ data: [UInt8], maxOutput: Int = 1 << 28) throws -> [UInt8] {
        guard data.count >= 6 else { throw MetricsError.invalidDeflate("zlib stream shorter than 6 bytes") }
        let cmf = Int(data[0]), flg = Int(data[1])
        guard cmf & 0x0F == 8 else { throw MetricsError.invalidDeflate("zlib method \(cmf & 0x0F) is not deflate") }
        guard cmf >> 4 <= 7 else { throw MetricsError.invalidDeflate("zlib window size field \(cmf >> 4) > 7") }
        guard (cmf * 256 + flg) % 31 == 0 else { throw MetricsError.invalidDeflate("zlib header check bits wrong") }
        guard flg & 0x20 == 0 else { throw MetricsError.invalidDeflate("zlib preset dictionary not supported") }
        let (output, end) = try raw(data, from: 2, maxOutput: maxOutput)
        guard end + 4 <= data.count else { throw MetricsError.invalidDeflate("zlib Adler-32 trailer missing") }
        let stored = data[end..<(end + 4)].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        guard stored == Checksums.adler32(output) else { throw MetricsError.invalidDeflate("Adler-32 mismatch") }
        return output
    }

    /// Decompresses raw deflate data starting at byte `start`; returns the output and the index of the first
    /// byte after the final block.
    public static func raw(_ data: [UInt8], from start: Int = 0, maxOutput: Int = 1 << 28) throws
        -> (output: [UInt8], end: Int)
    {
        var reader = DeflateBitReader(data, position: start)
        var output: [UInt8] = []
        var isFinal = false
        while !isFinal {
            isFinal = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try copyStored(&reader, into: &output)
            case 1: try inflateBlock(&reader, into: &output, codes: fixedCodes, maxOutput: maxOutput)
            case 2: try inflateBlock(&reader, into: &output, codes: readDynamicCodes(&reader), maxOutput: maxOutput)
            default: throw MetricsError.invalidDeflate("reserved block type 3")
            }
            guard output.count <= maxOutput else {
                throw MetricsError.invalidDeflate("output exceeds the limit of \(maxOutput) bytes")
            }
        }
        reader.alignToByte()
        return (output, reader.bytePosition)
    }

    private static func copyStored(_ reader: inout DeflateBitReader, into output: inout [UInt8]) throws {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length == (~complement & 0xFFFF) else {
            throw MetricsError.invalidDeflate("stored block length \(length) does not match its complement")
        }
        output.reserveCapacity(output.count + length)
        for _ in 0..<length { output.append(UInt8(try reader.bits(8))) }
    }

    /// The literal/length and distance codes of one Huffman block.
    private typealias BlockCodes = (literals: HuffmanDecoder, distances: HuffmanDecoder)

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
                                       16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block sends its code-length code lengths.
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed codes of RFC 1951 section 3.2.6 (they never fail to build).
    private static let fixedCodes: BlockCodes = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return (HuffmanDecoder(validLengths: lengths), HuffmanDecoder(validLengths: [Int](repeating: 5, count: 30)))
    }()

    private static func readDynamicCodes(_ reader: inout DeflateBitReader) throws -> BlockCodes {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw MetricsError.invalidDeflate("dynamic block declares too many codes")
        }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[i]] = try reader.bits(3) }
        let codeLengthCode = try HuffmanDecoder(lengths: codeLengthLengths)
        var lengths: [Int] = []
        let total = literalCount + distanceCount
        while lengths.count < total {
            let symbol = try codeLengthCode.decode(&reader)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else {
                    throw MetricsError.invalidDeflate("repeat code 16 with no previous length")
                }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try reader.bits(2))))
            case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try reader.bits(3))))
            default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try reader.bits(7))))
            }
        }
        guard lengths.count == total else { throw MetricsError.invalidDeflate("code lengths overrun the table") }
        guard lengths[256] > 0 else { throw MetricsError.invalidDeflate("dynamic block has no end-of-block code") }
        return (try HuffmanDecoder(lengths: Array(lengths[0..<literalCount])),
                try HuffmanDecoder(lengths: Array(lengths[literalCount...])))
    }

    private static func inflateBlock(
        _ reader: inout DeflateBitReader, into output: inout [UInt8], codes: BlockCodes, maxOutput: Int
    ) throws {
        while true {
            let symbol = try codes.literals.decode(&reader)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else { throw MetricsError.invalidDeflate("length symbol \(symbol)") }
            let length = lengthBase[lengthIndex] + (try reader.bits(lengthExtra[lengthIndex]))
            let distanceSymbol = try codes.distances.decode(&reader)
            guard distanceSymbol < distanceBase.count else {
                throw MetricsError.invalidDeflate("distance symbol \(distanceSymbol)")
            }
            let distance = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
            guard distance <= output.count else {
                throw MetricsError.invalidDeflate("distance \(distance) reaches before the start of the output")
            }
            guard output.count + length <= maxOutput else {
                throw MetricsError.invalidDeflate("output exceeds the limit of \(maxOutput) bytes")
            }
            let from = output.count - distance
            for i in 0..<length { output.append(output[from + i]) }
        }
    }
}
