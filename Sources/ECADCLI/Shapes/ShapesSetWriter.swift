import ECADShapes
import Foundation

/// Writes a rendered set into a directory, rendering in parallel batches so memory stays bounded.
struct ShapesSetWriter {
    /// Images rendered per batch (about 200 MB of pixels).
    static let batch = 65_536

    let directory: URL
    let seed: UInt64
    let renderer = ShapesRenderer()

    /// `[N, H, W, 3]` bytes into images.u8.
    func writeRaw(_ prompts: [ShapesPrompt]) throws {
        let url = directory.appendingPathComponent("images.u8")
        try Data().write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try forEachBatch(prompts) { _, bytes in try handle.write(contentsOf: bytes) }
    }

    /// One PNG per image: 00000.png, 00001.png, ... (more digits when there are over 100000 images).
    func writePNG(_ prompts: [ShapesPrompt]) throws {
        let digits = max(5, String(max(0, prompts.count - 1)).count)
        let stride = ShapesLayout.canvas * ShapesLayout.canvas * 3
        try forEachBatch(prompts) { start, bytes in
            for offset in 0..<(bytes.count / stride) {
                let pixels = Array(bytes[(offset * stride)..<((offset + 1) * stride)])
                let image = try ShapesImage(width: ShapesLayout.canvas, height: ShapesLayout.canvas, pixels: pixels)
                let name = String(start + offset)
                let padded = String(repeating: "0", count: max(0, digits - name.count)) + name + ".png"
                try image.pngData().write(to: directory.appendingPathComponent(padded))
            }
        }
    }

    /// prompts.txt: line i is the canonical prompt of image i.
    func writePrompts(_ prompts: [ShapesPrompt]) throws {
        let text = prompts.map(\.description).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: directory.appendingPathComponent("prompts.txt"))
    }

    private func forEachBatch(_ prompts: [ShapesPrompt], _ body: (Int, [UInt8]) throws -> Void) throws {
        var start = 0
        while start < prompts.count {
            let end = min(prompts.count, start + Self.batch)
            let seeds = (start..<end).map { ShapesRNG.imageSeed(base: seed, index: $0) }
            try body(start, renderer.renderBatch(Array(prompts[start..<end]), seeds: seeds))
            start = end
        }
    }
}
