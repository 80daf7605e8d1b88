import Foundation
import Testing

@testable import ECADMetrics
import PNGTestSupport

struct PNGTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    /// The pattern the fixture script drew (see docs/metrics.md, "PNG"): gradients, a noisy blue channel and a
    /// red rectangle.
    static func fixturePixel(_ x: Int, _ y: Int) -> RGBColor {
        if (8..<20).contains(x), (10..<24).contains(y) { return RGBColor(red: 200, green: 30, blue: 40) }
        return RGBColor(red: UInt8((x * 8) % 256), green: UInt8((y * 8) % 256),
                        blue: UInt8((x * 37 + y * 91 + x * y * 13) % 256))
    }

    @Test func decodesPillowTruecolorWithDynamicHuffman() throws {
        let image = try PNGDecoder.decode(Self.fixture("pillow-rgb.png"))
        #expect(image.width == 32 && image.height == 32)
        for y in 0..<32 {
            for x in 0..<32 { #expect(image[x, y] == Self.fixturePixel(x, y)) }
        }
    }

    @Test func decodesPillowTwoBitPalette() throws {
        let image = try PNGDecoder.decode(Self.fixture("pillow-palette-2bit.png"))
        let palette = [RGBColor.white, RGBColor(red: 200, green: 30, blue: 40),
                       RGBColor(red: 20, green: 120, blue: 220), RGBColor.black]
        for y in 0..<32 {
            for x in 0..<32 { #expect(image[x, y] == palette[(x / 8 + y / 8) % 4]) }
        }
    }

    @Test func decodesPillowGrayscale() throws {
        let image = try PNGDecoder.decode(Self.fixture("pillow-gray.png"))
        let v = UInt8((7 * 13) % 256)
        #expect(image[7, 13] == RGBColor(red: v, green: v, blue: v))
    }

    @Test func compositesAlphaOverWhite() throws {
        let image = try PNGDecoder.decode(Self.fixture("pillow-rgba.png"))
        #expect(image.width == 4 && image.height == 2)
        #expect(image[0, 0] == RGBColor(red: 255, green: 0, blue: 0))
        #expect(image[1, 0] == RGBColor.white)
        #expect(image[2, 0] == RGBColor(red: 127, green: 127, blue: 255))
    }

    @Test func roundTripsEncodedImages() throws {
        var image = try RGBImage(width: 37, height: 5, fill: RGBColor(red: 1, green: 2, blue: 3))
        for y in 0..<5 {
            for x in 0..<37 { image[x, y] = RGBColor(red: UInt8(x * 6), green: UInt8(y * 50), blue: UInt8(x ^ y)) }
        }
        #expect(try PNGDecoder.decode(image.pngData()) == image)
    }

    @Test func refusesCorruptFiles() throws {
        var bytes = try RGBImage(width: 2, height: 2, fill: .black).pngData()
        #expect(throws: PNGDecodeError("missing PNG signature")) {
            try PNGDecoder.decode(Array(bytes.dropFirst()))
        }
        bytes[20] ^= 1  // inside IHDR's data
        #expect(throws: PNGDecodeError("CRC mismatch in chunk IHDR")) { try PNGDecoder.decode(bytes) }
        let truncated = Array(try RGBImage(width: 2, height: 2, fill: .black).pngData().prefix(40))
        #expect(throws: PNGDecodeError.self) { try PNGDecoder.decode(truncated) }
    }
}
