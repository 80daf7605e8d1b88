import Testing

@testable import ECADMetrics
@testable import ECADShapes

struct InflateTests {
    /// `bytes((i*7)%13 for i in range(300)) + b'hello hello hello ecad ecad ecad'`, compressed by Python's zlib
    /// with strategy Z_FIXED (one fixed-Huffman block with back-references).
    static let fixedInput: [UInt8] =
        (0..<300).map { UInt8(($0 * 7) % 13) } + Array("hello hello hello ecad ecad ecad".utf8)
    static let fixedStream = hexBytes(
        "7801636067e460e264e662e166e5616318e5e0e364a4e6e4e42b2093a9c98929080200bde51286")

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    @Test func fixedHuffmanBlockFromPythonZlib() throws {
        #expect(Self.fixedStream[2] >> 1 & 3 == 1)  // the fixture really is a fixed-Huffman block
        #expect(try Inflate.zlib(Self.fixedStream) == Self.fixedInput)
    }

    @Test func storedBlocksRoundTripAcrossBlockBoundaries() throws {
        let data = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let stream = PNGEncoder.zlibStored(data)
        #expect(stream.count == data.count + 2 + 3 * 5 + 4)  // three stored blocks
        #expect(try Inflate.zlib(stream) == data)
        #expect(try Inflate.zlib(PNGEncoder.zlibStored([])) == [])
    }

    @Test func adlerMismatchIsReported() {
        var stream = PNGEncoder.zlibStored(Array("abc".utf8))
        stream[stream.count - 1] ^= 0xFF
        #expect(throws: MetricsError.invalidDeflate("Adler-32 mismatch")) { try Inflate.zlib(stream) }
    }

    @Test func truncatedStreamIsReported() {
        let stream = Array(Self.fixedStream.prefix(20))
        #expect(throws: MetricsError.self) { try Inflate.zlib(stream) }
    }

    @Test func outputLimitStopsBombs() {
        #expect(throws: MetricsError.self) { try Inflate.zlib(Self.fixedStream, maxOutput: 100) }
    }

    @Test func badHeaderIsNamed() {
        var stream = Self.fixedStream
        stream[0] = 0x79
        #expect(throws: MetricsError.invalidDeflate("zlib method 9 is not deflate")) { try Inflate.zlib(stream) }
    }

    @Test func knownChecksums() {
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksums.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }
}
