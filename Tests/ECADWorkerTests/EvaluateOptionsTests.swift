import ECADWorkerProtocol
import Foundation
import Testing
@testable import ECADWorker

/// The optional evaluate fields are checked before any sampling, with errors naming the field.
struct EvaluateOptionsTests {
    private func request(
        baselineIndex: Int? = nil, frechetReference: String? = nil, latencyRepeats: Int? = nil,
        imageDirectory: String? = nil
    ) -> EvaluateRequest {
        EvaluateFixture.request(
            [EvaluateFixture.full(blocks: 2), EvaluateFixture.cached(blocks: 2)], baselineIndex: baselineIndex,
            frechetReference: frechetReference, latencyRepeats: latencyRepeats, imageDirectory: imageDirectory)
    }

    private func message(_ request: EvaluateRequest) -> String? {
        do {
            _ = try EvaluateOptions(request)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func imageDirectoryMustBeAnExistingAbsoluteDirectory() throws {
        let directory = try EvaluateFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/file.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(message(request(imageDirectory: "images"))?.contains("is not an absolute path") == true)
        #expect(message(request(imageDirectory: "\(directory)/missing"))?.contains("does not exist") == true)
        #expect(message(request(imageDirectory: file))?.contains("is not a directory") == true)
        #expect(message(request(imageDirectory: "\(directory)/../x"))?.contains("\"..\"") == true)
        #expect(try EvaluateOptions(request(imageDirectory: directory + "/")).imageDirectory == directory)
    }

    @Test func otherFieldsAreRangeChecked() {
        #expect(message(request(baselineIndex: 2))?.contains("baseline_index 2 is out of range") == true)
        #expect(message(request(baselineIndex: -1))?.contains("baseline_index") == true)
        #expect(message(request(frechetReference: "fid"))?.contains("supported: \"prompts\"") == true)
        #expect(message(request(latencyRepeats: 0))?.contains("latency_repeats must be 1...10") == true)
        #expect(message(request(latencyRepeats: 11))?.contains("got 11") == true)
        #expect(message(request(baselineIndex: 1, frechetReference: "prompts", latencyRepeats: 10)) == nil)
    }

    @Test func theBaselineIsEvaluatedFirst() throws {
        #expect(try EvaluateOptions(request(baselineIndex: 1)).order(scheduleCount: 2) == [1, 0])
        #expect(try EvaluateOptions(request()).order(scheduleCount: 2) == [0, 1])
        #expect(try EvaluateOptions(request()).latencyRepeats == 1)
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(EvaluationSession.median([3, 1, 2]) == 2)
        #expect(EvaluationSession.median([4, 1, 3, 2]) == 2.5)
        #expect(EvaluationSession.median([0.5]) == 0.5)
    }
}
