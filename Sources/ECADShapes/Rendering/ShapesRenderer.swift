import Foundation

/// Renders prompts to 32x32 RGB images, deterministically from (prompt, seed).
///
/// Each object is composited over the background in prompt order with its antialiased coverage c:
/// `pixel = pixel * (1 - c) + color * c` in sRGB, rounded to 8 bits.
public struct ShapesRenderer: Sendable {
    /// The rasterizer (canvas size and supersampling).
    public let rasterizer: ShapesRasterizer

    /// Creates the standard renderer: 32x32, 4x4 supersampling.
    public init() {
        rasterizer = ShapesRasterizer(width: ShapesLayout.canvas, height: ShapesLayout.canvas, supersample: 4)
    }

    /// The placed shapes for (prompt, seed).
    public func layout(_ prompt: ShapesPrompt, seed: UInt64) -> [ShapesPlacedShape] {
        var rng = ShapesRNG(seed: seed)
        return ShapesLayout.place(prompt, rng: &rng)
    }

    /// Renders one image.
    public func render(_ prompt: ShapesPrompt, seed: UInt64) -> ShapesImage {
        var pixels = [UInt8](repeating: 0, count: rasterizer.width * rasterizer.height * 3)
        pixels.withUnsafeMutableBufferPointer { render(prompt, seed: seed, into: $0) }
        return ShapesImage(width: rasterizer.width, height: rasterizer.height, validated: pixels)
    }

    /// Renders one image into `out` (`[H, W, 3]` bytes; must hold at least that many).
    public func render(_ prompt: ShapesPrompt, seed: UInt64, into out: UnsafeMutableBufferPointer<UInt8>) {
        let count = rasterizer.width * rasterizer.height
        let background = prompt.background.rgb
        var canvas = [Float](repeating: 0, count: count * 3)
        for index in 0..<count {
            canvas[index * 3] = Float(background.r)
            canvas[index * 3 + 1] = Float(background.g)
            canvas[index * 3 + 2] = Float(background.b)
        }
        let width = rasterizer.width
        for (object, placed) in zip(prompt.objects, layout(prompt, seed: seed)) {
            let rgb = object.color.rgb
            let color = (Float(rgb.r), Float(rgb.g), Float(rgb.b))
            rasterizer.forEachCovered(placed) { x, y, c in
                let base = (y * width + x) * 3
                canvas[base] += (color.0 - canvas[base]) * c
                canvas[base + 1] += (color.1 - canvas[base + 1]) * c
                canvas[base + 2] += (color.2 - canvas[base + 2]) * c
            }
        }
        for index in 0..<(count * 3) {
            out[index] = UInt8(min(255, max(0, canvas[index].rounded())))
        }
    }

    /// Renders many images in parallel into one `[N, H, W, 3]` byte array; image i is
    /// `render(prompts[i], seed: seeds[i])`. The result does not depend on the number of threads.
    public func renderBatch(_ prompts: [ShapesPrompt], seeds: [UInt64]) -> [UInt8] {
        precondition(prompts.count == seeds.count, "renderBatch needs one seed per prompt")
        let stride = rasterizer.width * rasterizer.height * 3
        var bytes = [UInt8](repeating: 0, count: prompts.count * stride)
        let chunk = 256
        let chunks = (prompts.count + chunk - 1) / chunk
        bytes.withUnsafeMutableBufferPointer { buffer in
            let sink = ByteSink(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(prompts.count, (c + 1) * chunk) {
                    render(prompts[i], seed: seeds[i], into: sink.slice(i * stride, stride))
                }
            }
        }
        return bytes
    }
}

/// A buffer shared by parallel writers that each write a disjoint slice.
private final class ByteSink: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    func slice(_ start: Int, _ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + count)])
    }
}
