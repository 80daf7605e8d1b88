import ECADShapes
import Testing

@testable import ECADMetrics

struct RGBImageTests {
    @Test func refusesWrongBufferSizes() {
        #expect(throws: MetricsError.invalidImage("2x2 RGB needs 12 bytes, got 11")) {
            try RGBImage(width: 2, height: 2, pixels: [UInt8](repeating: 0, count: 11))
        }
        #expect(throws: MetricsError.invalidImage("dimensions must be positive, got 0x3")) {
            try RGBImage(width: 0, height: 3, pixels: [])
        }
    }

    @Test func upscalesByPixelReplication() throws {
        var image = try RGBImage(width: 2, height: 1, fill: .black)
        image[1, 0] = .white
        let big = image.upscaled(by: 3)
        #expect(big.width == 6 && big.height == 3)
        #expect(big[2, 2] == .black && big[3, 0] == .white && big[5, 2] == .white)
    }

    @Test func pasteAndFillClipToTheImage() throws {
        var canvas = try RGBImage(width: 4, height: 4, fill: .black)
        canvas.paste(try RGBImage(width: 3, height: 3, fill: .white), x: 2, y: -1)
        #expect(canvas[2, 0] == .white && canvas[3, 1] == .white && canvas[3, 2] == .black && canvas[1, 0] == .black)
        canvas.fill(x: -5, y: 3, width: 100, height: 100, color: .white)
        #expect((0..<4).allSatisfy { canvas[$0, 3] == .white })
    }

    @Test func convertsToAndFromShapesImages() throws {
        let image = TestImages.textured
        let shapes = try image.shapesImage()
        #expect(shapes.pixels == image.pixels && shapes.width == 32)
        #expect(RGBImage(shapes) == image)
        #expect(try image.pngData() == Array(shapes.pngData()))
    }
}
