import Foundation
import Testing

@testable import ECADShapes

struct ShapesVocabularyTests {
    let vocabulary = ShapesVocabulary.standard

    @Test func layoutIsFixed() {
        #expect(vocabulary.words.count == 32)
        #expect(vocabulary.words[0] == "<pad>")
        #expect(vocabulary.words[1] == "<start>")
        #expect(vocabulary.words[2] == "a")
        #expect(vocabulary.words.last == "background")
        #expect(Set(vocabulary.words).count == vocabulary.words.count)
        #expect(vocabulary.maxTokens == 16)
    }

    @Test func everyPromptWordIsInTheVocabulary() {
        var sampler = ShapesSampler(seed: 3)
        let used = Set(sampler.next(5000).flatMap(\.words))
        #expect(used == Set(vocabulary.grammarWords))
    }

    @Test func encodesWithStartAndPadding() throws {
        let tokens = try vocabulary.encode("A small red circle")
        let expected = try ["a", "small", "red", "circle"].map { try #require(vocabulary.id(of: $0)) }
        #expect(tokens.ids == [1] + expected + [Int32](repeating: 0, count: 11))
        #expect(tokens.mask == [Float](repeating: 1, count: 5) + [Float](repeating: 0, count: 11))
    }

    @Test func emptyPromptIsStartOnly() throws {
        let tokens = try vocabulary.encode("  ")
        #expect(tokens.ids == [1] + [Int32](repeating: 0, count: 15))
        #expect(tokens.mask == [1] + [Float](repeating: 0, count: 15))
    }

    @Test func refusesUnknownWordsAndLongPrompts() {
        #expect(throws: ShapesError.self) { try vocabulary.encode("a pink circle") }
        #expect(throws: ShapesError.self) { try vocabulary.encode("<start> a") }
        let long = [String](repeating: "a", count: 16).joined(separator: " ")
        do {
            _ = try vocabulary.encode(long)
            Issue.record("a 17-token prompt was encoded")
        } catch {
            #expect("\(error)".contains("17 tokens"))
        }
        #expect(throws: Never.self) {
            try vocabulary.encode(long.split(separator: " ").dropLast().joined(separator: " "))
        }
    }

    @Test func jsonRoundTrips() throws {
        let data = try vocabulary.jsonData()
        let words = try JSONDecoder().decode([String].self, from: data)
        #expect(words == vocabulary.words)
        #expect(try ShapesVocabulary.fromJSON(data) == vocabulary)
        #expect(throws: ShapesError.self) { try ShapesVocabulary.fromJSON(Data("[\"a\"]".utf8)) }
        #expect(throws: ShapesError.self) { try ShapesVocabulary.fromJSON(Data("{}".utf8)) }
    }

    @Test func loadsAModelFolderVocabularyFile() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecad-vocab-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"["<pad>", "<start>", "red", "circle"]"#.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try ShapesVocabulary.load(path: path, maxTokens: 16)
        let tokens = try loaded.encode("Red circle")
        #expect(tokens.ids == [1, 2, 3] + [Int32](repeating: 0, count: 13))
        #expect(tokens.mask == [1, 1, 1] + [Float](repeating: 0, count: 13))
        #expect {
            try loaded.encode("red square")
        } throws: { error in
            "\(error)".contains("unknown word 'square'")
        }
    }

    @Test func loadErrorsNameTheFile() {
        let path = "/nonexistent/ecad/tokenizer/vocab.json"
        #expect {
            try ShapesVocabulary.load(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("not readable")
        }
    }
}
