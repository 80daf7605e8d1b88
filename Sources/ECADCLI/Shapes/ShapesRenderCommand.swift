import ArgumentParser
import ECADShapes
import Foundation

/// `ecad shapes render`: renders sampled or given prompts to raw bytes (for training) or PNG files.
struct ShapesRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render shapes32 images.",
        discussion: """
            Image i uses prompt i (from ShapesSampler(seed) or, with --prompts, line i modulo the file's prompts) \
            and the render seed ShapesRNG.imageSeed(base: seed, index: i). raw writes images.u8 ([N,32,32,3] \
            uint8), prompts.txt and manifest.json; png writes 00000.png... instead of images.u8.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case png, raw
    }

    @Option(help: "Number of images (default with --prompts: one per prompt).")
    var count: Int?

    @Option(help: "Base seed for prompts and jitter.")
    var seed: UInt64 = 0

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "png or raw.")
    var format: Format = .png

    @Option(help: "Render the prompts of this file (one per line, # comments) instead of sampled ones.")
    var prompts: String?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1, not \(count)") }
        if count == nil, prompts == nil { throw ValidationError("give --count, --prompts, or both") }
    }

    func run() throws {
        let list = try promptList()
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writer = ShapesSetWriter(directory: directory, seed: seed)
        switch format {
        case .raw: try writer.writeRaw(list)
        case .png: try writer.writePNG(list)
        }
        try writer.writePrompts(list)
        let manifest = ShapesRenderManifest(
            count: list.count, seed: seed, width: ShapesLayout.canvas, height: ShapesLayout.canvas, channels: 3,
            format: format.rawValue, layout: "HWC", grammarVersion: ShapesPrompt.grammarVersion,
            prompts: prompts ?? "sampler")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
    }

    private func promptList() throws -> [ShapesPrompt] {
        guard let prompts else {
            var sampler = ShapesSampler(seed: seed)
            return sampler.next(count ?? 0)
        }
        let text = try String(contentsOf: URL(fileURLWithPath: prompts), encoding: .utf8)
        let given = try ShapesPromptFile.parse(text)
        guard !given.isEmpty else { throw ValidationError("\(prompts) holds no prompts") }
        return (0..<(count ?? given.count)).map { given[$0 % given.count] }
    }
}
