import ArgumentParser
import ECADShapes
import Foundation

/// `ecad shapes prompts`: writes a standard prompt set (calibration or benchmark) as a prompt file.
struct ShapesPromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "Write a standard shapes32 prompt set (see docs/shapes32.md).")

    @Option(help: "calibration (64 prompts) or benchmark (200 held-out prompts).")
    var set: ShapesPromptSets.Name

    @Option(help: "Seed of the set.")
    var seed: UInt64 = 1

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let origin =
            "made by: ecad shapes prompts --set \(set.rawValue) --seed \(seed) (grammar \(ShapesPrompt.grammarVersion))"
        let text: String
        switch set {
        case .calibration:
            text = ShapesPromptFile.format(
                ShapesPromptSets.calibration(seed: seed),
                header: ["shapes32 calibration prompts: 64, the first 32 balanced; no held-out combination.", origin])
        case .benchmark:
            let sets = ShapesPromptSets.benchmark(seed: seed)
            text =
                ShapesPromptFile.format(
                    [], header: ["shapes32 benchmark prompts: held-out combinations only.", origin])
                + ShapesPromptFile.format(sets.single, header: ["single-object"])
                + ShapesPromptFile.format(sets.pairs, header: ["two-object"])
        }
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        } else {
            print(text, terminator: "")
        }
    }
}

extension ShapesPromptSets.Name: ExpressibleByArgument {}
