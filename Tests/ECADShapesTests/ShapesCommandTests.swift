import ECADCLI
import ECADShapes
import Foundation
import Testing

struct ShapesCommandTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ecad-shapes-\(UUID().uuidString)")
    }

    @Test func renderRawWritesImagesPromptsAndManifest() throws {
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var command = try ShapesCommand.parseAsRoot([
            "render", "--count", "300", "--seed", "4", "--out", out.path, "--format", "raw",
        ])
        try command.run()
        let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("images.u8")))
        #expect(bytes.count == 300 * 3072)
        let lines = try String(contentsOf: out.appendingPathComponent("prompts.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 300)
        var sampler = ShapesSampler(seed: 4)
        let expected = sampler.next(300)
        #expect(lines == expected.map(\.description))
        let image = ShapesRenderer().render(expected[123], seed: ShapesRNG.imageSeed(base: 4, index: 123))
        #expect(Array(bytes[(123 * 3072)..<(124 * 3072)]) == image.pixels)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        let fields = try #require(manifest as? [String: Any])
        #expect(fields["count"] as? Int == 300)
        #expect(fields["format"] as? String == "raw")
        #expect(fields["grammarVersion"] as? String == ShapesPrompt.grammarVersion)
    }

    @Test func renderPNGFromAPromptFileCycles() throws {
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent("p.txt")
        try Data("# test\na small red circle at the top left\n\na yellow square left of a green ring\n".utf8).write(
            to: file)
        var command = try ShapesCommand.parseAsRoot([
            "render", "--count", "3", "--prompts", file.path, "--out", out.path,
        ])
        try command.run()
        let png = try Data(contentsOf: out.appendingPathComponent("00002.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let lines = try String(contentsOf: out.appendingPathComponent("prompts.txt"), encoding: .utf8)
        #expect(lines.split(separator: "\n").last == "a small red circle at the top left")
    }

    @Test func renderRefusesBadPromptFilesAndCounts() throws {
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent("bad.txt")
        try Data("a small red circle at the top left\na pink ring\n".utf8).write(to: file)
        var command = try ShapesCommand.parseAsRoot(["render", "--prompts", file.path, "--out", out.path])
        do {
            try command.run()
            Issue.record("a bad prompt file was rendered")
        } catch {
            #expect("\(error)".contains("line 2"))
            #expect("\(error)".contains("unknown word 'pink'"))
        }
        #expect(throws: (any Error).self) {
            try ShapesCommand.parseAsRoot(["render", "--count", "0", "--out", out.path])
        }
    }

    @Test func vocabWritesTheJSONArray() throws {
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent("vocab.json")
        var command = try ShapesCommand.parseAsRoot(["vocab", "--out", file.path])
        try command.run()
        let words = try JSONDecoder().decode([String].self, from: Data(contentsOf: file))
        #expect(words == ShapesVocabulary.standard.words)
    }
}

struct ShapesPromptsAndScoreCommandTests {
    @Test func promptsCommandWritesTheStandardSet() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-prompts-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        var command = try ShapesCommand.parseAsRoot(["prompts", "--set", "benchmark", "--seed", "1", "--out", out.path])
        try command.run()
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("# single-object\n") && text.contains("# two-object\n"))
        #expect(try ShapesPromptFile.parse(text) == ShapesPromptSets.make(.benchmark, seed: 1))
        #expect(throws: (any Error).self) { try ShapesCommand.parseAsRoot(["prompts", "--set", "training"]) }
    }

    @Test func committedPromptFilesMatchTheGenerator() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("jobs/prompts")
        for name in ShapesPromptSets.Name.allCases {
            let text = try String(
                contentsOf: root.appendingPathComponent("shapes-\(name.rawValue).txt"), encoding: .utf8)
            #expect(try ShapesPromptFile.parse(text) == ShapesPromptSets.make(name, seed: 1))
        }
    }

    @Test func scoreCommandReadsARawSet() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-score-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var render = try ShapesCommand.parseAsRoot(["render", "--count", "20", "--out", out.path, "--format", "raw"])
        try render.run()
        var score = try ShapesCommand.parseAsRoot(["score", out.path])
        try score.run()
        try Data("a pink ring\n".utf8).write(to: out.appendingPathComponent("prompts.txt"))
        var bad = try ShapesCommand.parseAsRoot(["score", out.path])
        #expect(throws: (any Error).self) { try bad.run() }
    }
}
