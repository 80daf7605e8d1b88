import ArgumentParser
import ECADShapes
import Foundation

/// `ecad shapes score DIR`: scores a raw image set (images.u8 + prompts.txt, e.g. model samples) with the reward.
struct ShapesScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score DIR/images.u8 ([N,32,32,3] uint8) against DIR/prompts.txt with the shapes32 reward.",
        discussion: "Prints a JSON summary: mean total and parts, attribute accuracy rates, time per image.")

    @Argument(help: "Directory with images.u8 and prompts.txt (the layout of `ecad shapes render --format raw`).")
    var directory: String

    func run() throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("images.u8")))
        let lines = try String(contentsOf: root.appendingPathComponent("prompts.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        let stride = ShapesLayout.canvas * ShapesLayout.canvas * 3
        guard bytes.count == lines.count * stride else {
            throw ValidationError(
                "images.u8 has \(bytes.count) bytes; \(lines.count) prompts need \(lines.count * stride)")
        }
        let prompts = try lines.enumerated().map { index, line in
            do { return try ShapesPrompt.parse(line) } catch {
                throw ValidationError("prompts.txt line \(index + 1): \(error)")
            }
        }
        let images = try prompts.indices.map { i in
            try ShapesImage(
                width: ShapesLayout.canvas, height: ShapesLayout.canvas,
                pixels: Array(bytes[(i * stride)..<((i + 1) * stride)]))
        }
        let start = Date()
        let scores = zip(images, prompts).map { ShapesReward.score(image: $0, prompt: $1) }
        let seconds = Date().timeIntervalSince(start)
        let summary = ShapesScoreSummary(scores, seconds: seconds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    }
}
