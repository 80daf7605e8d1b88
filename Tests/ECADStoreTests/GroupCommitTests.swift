@testable import ECADStore
import Synchronization
import Testing

struct GroupCommitTests {
    /// Records the size of every batch it writes.
    final class Recorder: Sendable {
        let batches = Mutex<[[Int]]>([])
    }

    @Test func everyCallerGetsItsOwnResultAndBatchesCoverEveryRequestOnce() async throws {
        let recorder = Recorder()
        let committer = GroupCommit<Int, Int> { batch in
            recorder.batches.withLock { $0.append(batch) }
            await Task.yield()
            return batch.map { $0 % 7 == 0 ? .failure(.invalidInput(field: "n", message: "\($0)")) : .success($0 * 2) }
        }
        let outcomes = await withTaskGroup(of: (Int, Result<Int, StoreError>).self) { group in
            for input in 1...200 {
                group.addTask {
                    let outcome: Result<Int, StoreError>
                    do throws(StoreError) {
                        outcome = .success(try await committer.run(input))
                    } catch {
                        outcome = .failure(error)
                    }
                    return (input, outcome)
                }
            }
            return await group.reduce(into: [Int: Result<Int, StoreError>]()) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes.count == 200)
        for (input, outcome) in outcomes {
            if input % 7 == 0 {
                #expect(outcome == Result<Int, StoreError>.failure(.invalidInput(field: "n", message: "\(input)")))
            } else {
                #expect(outcome == Result<Int, StoreError>.success(input * 2))
            }
        }
        let batches = recorder.batches.withLock { $0 }
        #expect(batches.flatMap { $0 }.sorted() == Array(1...200))
    }

    @Test func aLoneCallerIsWrittenAtOnce() async throws {
        let recorder = Recorder()
        let committer = GroupCommit<Int, Int> { batch in
            recorder.batches.withLock { $0.append(batch) }
            return batch.map { .success($0) }
        }
        for input in 1...3 { #expect(try await committer.run(input) == input) }
        #expect(recorder.batches.withLock { $0 } == [[1], [2], [3]])
    }
}
