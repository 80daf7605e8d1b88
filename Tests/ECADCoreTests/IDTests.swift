import Foundation
import Testing
@testable import ECADCore

struct IDTests {
    @Test func jobIDsAreSlurmStyleIntegers() throws {
        let id = try JobID(parsing: " 42 ")
        #expect(id.description == "42")
        #expect(try JobID(7) < id)
        #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == "42")
        #expect(try JSONDecoder().decode(JobID.self, from: Data("42".utf8)) == id)
        for bad in ["0", "-3", "4x", "", "job-1", "99999999999999999999"] {
            #expect(throws: ECADCoreError.self) { try JobID(parsing: bad) }
        }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(JobID.self, from: Data("0".utf8)) }
    }

    @Test func scheduleDigestsAreLowercaseHex() throws {
        let digest = ScheduleDigest(hashing: Array("abc".utf8))
        #expect(digest.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest.short == "ba7816bf8f01")
        #expect(try ScheduleDigest(hex: digest.hex) == digest)
        #expect(throws: ECADCoreError.self) { try ScheduleDigest(hex: digest.hex.uppercased()) }
        #expect(throws: ECADCoreError.self) { try ScheduleDigest(hex: "abc") }
        let encoded = try JSONEncoder().encode(digest)
        #expect(try JSONDecoder().decode(ScheduleDigest.self, from: encoded) == digest)
    }
}
