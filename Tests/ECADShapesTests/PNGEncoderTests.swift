import Foundation
import Testing

@testable import ECADShapes

struct PNGEncoderTests {
    @Test func checksumsMatchKnownValues() {
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func writesSignatureHeaderAndDeflatedData() throws {
        let image = ShapesImage(width: 32, height: 32, fill: ShapesRGB(1, 2, 3))
        let png = [UInt8](image.pngData())
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Array(png[16..<24]) == [0, 0, 0, 32, 0, 0, 0, 32])
        #expect(png[24] == 8 && png[25] == 2)
        // 32 rows of 1 filter byte + 96 pixel bytes deflate to far less than the 3104 raw bytes.
        #expect(png.count < 8 + 25 + 12 + 200 + 12)
        let raw = [UInt8](repeating: 9, count: 5000)
        let stream = try #require(PNGEncoder.zlibDeflated(raw))
        #expect(stream.count < 100 && stream.prefix(1) == [0x78])
        #expect(Array(stream.suffix(4)) == withUnsafeBytes(of: PNGEncoder.adler32(raw).bigEndian) { Array($0) })
        #expect(Array(png.suffix(8)) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func splitsLongDataIntoSeveralBlocks() {
        let data = [UInt8](repeating: 7, count: 70_000)
        let stream = PNGEncoder.zlibStored(data)
        #expect(stream.count == 2 + 2 * 5 + 70_000 + 4)
        #expect(stream[2] == 0)
        #expect(stream[2 + 5 + 65_535] == 1)
    }

    @Test func refusesBadSizes() {
        #expect(throws: ShapesError.self) { try PNGEncoder.encode(pixels: [0, 0], width: 1, height: 1, channels: 3) }
        #expect(throws: ShapesError.self) { try PNGEncoder.encode(pixels: [0, 0], width: 1, height: 1, channels: 2) }
        #expect(throws: ShapesError.self) { try ShapesImage(width: 2, height: 2, pixels: [1]) }
    }
}
