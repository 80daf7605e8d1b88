import Testing

import ECADSearch
import PNGTestSupport

/// Corrupted and truncated files must throw, never trap.
struct PNGFuzzTests {
    @Test(arguments: ["pillow-rgb.png", "pillow-palette-2bit.png", "pillow-gray.png", "pillow-rgba.png"])
    func corruptedFixturesThrowOrDecode(name: String) throws {
        let original = try PNGTests.fixture(name)
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 8..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            }
            _ = try? PNGDecoder.decode(bytes)
        }
    }

    @Test func corruptedDeflateStreamsThrowOrDecode() throws {
        // Corrupt the zlib stream itself, so the damage reaches zlib instead of stopping at a chunk CRC.
        let original = try PNGTests.fixture("pillow-rgb.png")
        let idat = try #require(PNGFuzzTests.idatRange(original))
        var generator = SplitMix64(seed: 7)
        for _ in 0..<400 {
            var stream = Array(original[idat])
            stream[Int.random(in: 2..<stream.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            _ = try? PNGDecoder.inflate(stream, expected: 32 * (32 * 3 + 1))
        }
    }

    /// The data range of the first IDAT chunk.
    static func idatRange(_ bytes: [UInt8]) -> Range<Int>? {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            if Array(bytes[(offset + 4)..<(offset + 8)]) == Array("IDAT".utf8) {
                return (offset + 8)..<(offset + 8 + length)
            }
            offset += length + 12
        }
        return nil
    }
}
