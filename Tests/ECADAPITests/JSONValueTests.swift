import ECADAPI
import Foundation
import Testing

struct JSONValueTests {
    func roundTrip(_ text: String) throws -> JSONValue {
        try APIJSON.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func decodesEveryKindAndKeepsIntegersExact() throws {
        let value = try roundTrip(#"{"a":null,"b":true,"c":9007199254740993,"d":1.5,"e":"x","f":[1,"y"],"g":{}}"#)
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["c"] == .integer(9_007_199_254_740_993))
        #expect(value["d"] == .number(1.5))
        #expect(value["e"] == .string("x"))
        #expect(value["f"] == [1, "y"])
        #expect(value["g"] == .object([:]))
        #expect(value["missing"] == nil)
    }

    @Test func encodesCanonicallyWithSortedKeys() throws {
        let value: JSONValue = ["b": 1, "a": [true, nil, 2.5, "s/t"]]
        #expect(try APIJSON.text(of: value) == #"{"a":[true,null,2.5,"s/t"],"b":1}"#)
        #expect(try roundTrip(APIJSON.text(of: value)) == value)
    }

    @Test func typeNamesForMessages() {
        #expect(JSONValue.integer(1).typeName == "number")
        #expect(JSONValue.object([:]).typeName == "object")
    }
}
