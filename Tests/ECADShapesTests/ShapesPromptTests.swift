import Testing

@testable import ECADShapes

struct ShapesPromptTests {
    @Test func everySingleObjectPromptRoundTrips() throws {
        for color in ShapesColor.allCases {
            for shape in ShapesShape.allCases {
                for size in ShapesSize.allCases {
                    for position in ShapesPosition.allCases {
                        for background in ShapesBackground.allCases {
                            let prompt = ShapesPrompt.single(
                                color, shape, size: size, at: position, background: background)
                            #expect(try ShapesPrompt.parse(prompt.description) == prompt)
                        }
                    }
                }
            }
        }
    }

    @Test func sampledPromptsRoundTrip() throws {
        var sampler = ShapesSampler(seed: 7)
        for prompt in sampler.next(2000) {
            #expect(try ShapesPrompt.parse(prompt.description) == prompt)
        }
    }

    @Test func designExamplesParse() throws {
        let single = try ShapesPrompt.parse("a small red circle at the top left")
        #expect(single.objects == [ShapesObject(color: .red, shape: .circle, size: .small, position: .topLeft)])
        #expect(single.background == .black)
        let centered = try ShapesPrompt.parse("A  large blue TRIANGLE in the center on a gray background")
        #expect(centered.objects[0].position == .center)
        #expect(centered.background == .gray)
        #expect(centered.description == "a large blue triangle in the center on a gray background")
        let pair = try ShapesPrompt.parse("a yellow square left of a green ring")
        #expect(pair.relation == .leftOf)
        #expect(pair.objects.map(\.color) == [.yellow, .green])
        #expect(pair.objects.map(\.shape) == [.square, .ring])
        let above = try ShapesPrompt.parse("a cyan triangle above a white circle on a navy background")
        #expect(above.relation == .above)
        #expect(above.background == .navy)
        #expect(try ShapesPrompt.parse("a small red circle at the top").objects[0].position == .top)
    }

    @Test func unknownWordIsNamedWithTheVocabulary() {
        #expect(throws: ShapesError.self) { try ShapesPrompt.parse("a small magenta circle at the top left") }
        do {
            _ = try ShapesPrompt.parse("a small magenta circle at the top left")
        } catch {
            let text = "\(error)"
            #expect(text.contains("unknown word 'magenta'"))
            #expect(text.contains("red, green, blue"))
            #expect(text.contains("background"))
        }
        #expect(throws: ShapesError.self) { try ShapesPrompt.parse("a small red circle <pad>") }
    }

    @Test func grammarErrorsSayWhatWasExpected() {
        let cases: [(String, String)] = [
            ("", "expected 'a'"),
            ("a small circle at the top", "expected a color"),
            ("a small red at the top", "expected a shape"),
            ("a red circle at the top", "expected a size"),
            ("a small red circle", "expected a position"),
            ("a small red circle at the top left on a gray", "expected 'background'"),
            ("a small red circle in the center center", "expected the end"),
        ]
        for (text, message) in cases {
            do {
                _ = try ShapesPrompt.parse(text)
                Issue.record("'\(text)' parsed")
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
    }

    @Test func invalidScenesAreRefused() {
        #expect(throws: ShapesError.self) { try ShapesPrompt.parse("a small red circle left of a blue square") }
        #expect(throws: ShapesError.self) { try ShapesPrompt.parse("a red circle left of a red square") }
        #expect(throws: ShapesError.self) { try ShapesPrompt.pair((.red, .ring), .above, (.red, .circle)) }
        #expect(throws: ShapesError.self) {
            try ShapesPrompt(objects: [ShapesObject(color: .red, shape: .ring)], relation: nil)
        }
    }

    @Test func longestPromptFitsTheEncoder() throws {
        let longest = try ShapesPrompt.pair((.yellow, .square), .leftOf, (.green, .ring), background: .brown)
        #expect(longest.words.count + 1 <= ShapesVocabulary.standard.maxTokens)
        let single = ShapesPrompt.single(.red, .ring, size: .small, at: .bottomRight, background: .gray)
        #expect(single.words.count + 1 <= ShapesVocabulary.standard.maxTokens)
    }
}
