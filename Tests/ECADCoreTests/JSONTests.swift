import Testing
@testable import ECADCore

struct JSONTests {
    @Test func keepsOrderAndNumberText() throws {
        let value = try JSONParser.parse(Array(#"{"b": 1.50, "a": [true, null, -0.0e+3], "c": "x"}"#.utf8))
        #expect(value.objectMembers?.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .number("1.50"))
        #expect(JSONWriter.string(value, style: .canonical) == #"{"a":[true,null,-0.0e+3],"b":1.50,"c":"x"}"#)
    }

    @Test func pythonStyleMatchesJsonDumpIndent4() throws {
        let value = try JSONParser.parse(Array(#"{"k": {"x": [1, 2], "e": {}, "l": []}, "s": "é\n"}"#.utf8))
        let expected = "{\n    \"k\": {\n        \"x\": [\n            1,\n            2\n        ],\n        \"e\": {},\n        \"l\": []\n    },\n    \"s\": \"\\u00e9\\n\"\n}"
        #expect(JSONWriter.string(value, style: .python(indent: 4)) == expected)
    }

    @Test func stringEscapesRoundTrip() throws {
        let text = "quote\" back\\ tab\t nul\u{0} emoji😀 é"
        let encoded = JSONWriter.encode(.string(text), style: .python(indent: 4))
        #expect(String(decoding: encoded, as: UTF8.self).contains("\\ud83d\\ude00"))
        #expect(try JSONParser.parse(encoded) == .string(text))
        #expect(try JSONParser.parse(JSONWriter.encode(.string(text), style: .canonical)) == .string(text))
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "duplicate key"),
        (#"{"a":1} x"#, "unexpected content"),
        (#"[01]"#, "leading zero"),
        (#"["\ud800"]"#, "surrogate"),
        ("[\"a\u{01}\"]", "control character"),
        (#"{"a":}"#, "expected a value"),
        (#"[1,2"#, "unterminated"),
        ("", "end of input"),
    ])
    func malformedInputIsRefused(text: String, message: String) throws {
        let error = try #require(throws: ECADCoreError.self) { try JSONParser.parse(Array(text.utf8)) }
        #expect(error.kind == .invalidJSON)
        #expect(error.description.contains(message))
    }

    @Test func deepNestingAndBadUTF8AreRefused() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let error = try #require(throws: ECADCoreError.self) { try JSONParser.parse(Array(deep.utf8)) }
        #expect(error.description.contains("nesting"))
        #expect(throws: ECADCoreError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func equivalenceIgnoresKeyOrder() throws {
        let a = try JSONParser.parse(Array(#"{"x":1,"y":{"p":[1],"q":2}}"#.utf8))
        let b = try JSONParser.parse(Array(#"{"y":{"q":2,"p":[1]},"x":1}"#.utf8))
        #expect(a != b)
        #expect(a.isEquivalent(to: b))
        #expect(!a.isEquivalent(to: try JSONParser.parse(Array(#"{"x":1,"y":{"p":[2],"q":2}}"#.utf8))))
    }

    @Test func nonFiniteDoublesAreRefused() throws {
        #expect(throws: ECADCoreError.self) { try JSONValue.double(.infinity) }
        #expect(try JSONValue.double(2.5) == .number("2.5"))
        #expect(try JSONValue.double(3) == .number("3"))
    }
}
