import ECADAPI
import ECADCore
import Foundation
import Testing

/// Free-form JSON on the wire (job specs, provenance) uses ECADCore's `JSONValue`: the same text in and out.
struct JSONValueTests {
    func roundTrip(_ text: String) throws -> JSONValue {
        try APIJSON.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func decodesEveryKindAndKeepsIntegersExact() throws {
        let value = try roundTrip(#"{"a":null,"b":true,"c":9007199254740993,"d":1.5,"e":"x","f":[1,"y"],"g":{}}"#)
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["c"] == .number("9007199254740993"))
        #expect(value["d"] == .number("1.5"))
        #expect(value["e"] == .string("x"))
        #expect(value["f"] == .array([.int(1), .string("y")]))
        #expect(value["g"] == .object([]))
        #expect(value["missing"] == nil)
    }

    @Test func encodesCanonicallyWithSortedKeys() throws {
        let value: JSONValue = .object([
            ("b", .int(1)), ("a", .array([.bool(true), .null, .number("2.5"), .string("s/t")])),
        ])
        let text = try APIJSON.text(of: value)
        #expect(text == #"{"a":[true,null,2.5,"s/t"],"b":1}"#)
        #expect(try roundTrip(text).isEquivalent(to: value))
    }

    @Test func submittedSpecSurvivesTheWire() throws {
        let request = SubmitJobRequest(
            kind: .generate, spec: .object([("prompts", .array([.string("a red circle")])), ("seeds", .array([.int(7)]))]))
        let decoded = try APIJSON.makeDecoder().decode(SubmitJobRequest.self, from: APIJSON.makeEncoder().encode(request))
        #expect(decoded.spec.isEquivalent(to: request.spec))
        #expect(try APIJSON.text(of: decoded.spec) == #"{"prompts":["a red circle"],"seeds":[7]}"#)
    }

    @Test func typeNamesForMessages() {
        #expect(JSONValue.int(1).typeName == "number")
        #expect(JSONValue.object([]).typeName == "object")
    }
}
