import Testing

@testable import ECADMetrics
import PNGTestSupport

struct ImageGridTests {
    static let red = RGBColor(red: 220, green: 20, blue: 20)
    static let blue = RGBColor(red: 20, green: 20, blue: 220)

    @Test func placesUpscaledImagesInCells() throws {
        let a = try RGBImage(width: 32, height: 32, fill: Self.red)
        let b = try RGBImage(width: 32, height: 32, fill: Self.blue)
        let grid = try ImageGrid(rows: [[a, b], [b, nil]], scale: 4, gap: 4)
        let image = grid.render()
        #expect(image.width == 4 + 2 * (128 + 4) && image.height == 4 + 2 * (128 + 4))
        #expect(image[4, 4] == Self.red && image[131, 131] == Self.red)
        #expect(image[132, 4] == RGBColor.gridBackground)  // the gap
        #expect(image[136, 4] == Self.blue && image[4, 136] == Self.blue)
        #expect(image[200, 200] == RGBColor.gridBackground)  // the empty cell
    }

    @Test func labelsAddMarginsAndInk() throws {
        let a = try RGBImage(width: 32, height: 32, fill: Self.red)
        let grid = try ImageGrid(rows: [[a, a]], rowLabels: ["FORA N=3"], columnLabels: ["seed 0", "seed 1"])
        let image = grid.render()
        let rowLabelWidth = BitmapFont.textWidth("FORA N=3", scale: 2)
        #expect(image.width == 4 + rowLabelWidth + 4 + 2 * (128 + 4))
        #expect(image.height == 4 + 14 + 4 + 128 + 4)
        let ink = (0..<image.height).flatMap { y in (0..<4 + rowLabelWidth).map { x in image[x, y] } }
        #expect(ink.contains(.black))  // the row label was drawn
        let top = (0..<image.width).flatMap { x in (0..<18).map { y in image[x, y] } }
        #expect(top.contains(.black))  // the column labels were drawn
    }

    @Test func refusesMismatchedLabels() throws {
        let a = try RGBImage(width: 2, height: 2, fill: .white)
        #expect(throws: MetricsError.invalidArgument("2 row labels for 1 rows")) {
            try ImageGrid(rows: [[a]], rowLabels: ["a", "b"])
        }
        #expect(throws: MetricsError.invalidArgument("image grid has no cells")) { try ImageGrid(rows: [[]]) }
    }

    @Test func gridFromAFlatListWrapsRows() throws {
        let images = try (0..<5).map { _ in try RGBImage(width: 8, height: 8, fill: Self.blue) }
        let grid = try ImageGrid(images: images, columns: 2, scale: 1, gap: 1)
        #expect(grid.rows.count == 3 && grid.columnCount == 2)
        #expect(try PNGDecoder.decode(grid.pngData()) == grid.render())
    }

    @Test func everyGlyphIsFiveBySeven() {
        for (character, pattern) in BitmapFont.patterns {
            let rows = pattern.split(separator: "/")
            #expect(rows.count == BitmapFont.glyphHeight, "glyph \(character)")
            #expect(rows.allSatisfy { $0.count == BitmapFont.glyphWidth && $0.allSatisfy { $0 == "#" || $0 == "." } },
                    "glyph \(character)")
        }
        #expect(BitmapFont.glyph(for: "a") == BitmapFont.glyph(for: "A"))
        #expect(BitmapFont.glyph(for: "~") == BitmapFont.glyph(for: "?"))
    }
}
