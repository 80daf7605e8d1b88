import ECADAPI
import ECADCore
import Foundation
import Testing

struct RequestDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try APIJSON.makeDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func submitRequestDecodesAndDefaults() throws {
        let request = try decode(SubmitJobRequest.self, #"{"kind":"search","spec":{"model":"shapes32","seed":7}}"#)
        #expect(request.kind == .search)
        #expect(request.spec["seed"] == .int(7))
        #expect(request.priority == nil && request.name == nil)
    }

    @Test func unknownFieldsAreRefusedByName() throws {
        do {
            _ = try decode(SubmitJobRequest.self, #"{"kind":"search","spec":{},"priorty":5}"#)
            Issue.record("unknown field accepted")
        } catch let error as APIError {
            #expect(error == .unknownField("priorty"))
            #expect(error.description == #"unknown field "priorty""#)
        }
        #expect(throws: APIError.unknownField("force")) {
            try decode(ActionRequest.self, #"{"action":"cancel","force":true}"#)
        }
    }

    @Test func wrongTypesAndBadEnumsAreRefused() {
        #expect(throws: DecodingError.self) { try decode(SubmitJobRequest.self, #"{"kind":"train","spec":{}}"#) }
        #expect(throws: DecodingError.self) { try decode(SubmitJobRequest.self, #"{"kind":"search","spec":{},"priority":"high"}"#) }
        #expect(throws: DecodingError.self) { try decode(SubmitJobRequest.self, #"{"spec":{}}"#) }
        #expect(throws: (any Error).self) { try decode(SubmitJobRequest.self, #"{"kind":"search","spec":"#) }
        #expect(throws: (any Error).self) { try decode(ActionRequest.self, "[]") }
    }

    @Test func actionRequestDecodes() throws {
        let request = try decode(ActionRequest.self, #"{"action":"hold","reason":"fix config"}"#)
        #expect(request == ActionRequest(action: .hold, reason: "fix config"))
    }
}
