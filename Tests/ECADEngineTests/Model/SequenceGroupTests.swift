import CKernels
import Foundation
import Testing
@testable import ECADEngine

/// The forward pass run per group of sequences (`PixArtTransformer.forward(_:timesteps:context:groups:executors:)`
/// on `Kernels.parallelGroups`): every group runs once, whole rounds of groups spread across threads with
/// their kernels on one thread, and on the native kernels the grouping changes no bit of the output.
struct SequenceGroupTests {
    /// Which groups ran and whether each ran inside a serial region; a lock because bodies run concurrently.
    final class Visits: @unchecked Sendable {
        private let lock = NSLock()
        private var serial: [Int: Bool] = [:]
        func record(_ group: Int, serial inRegion: Bool) {
            lock.withLock { serial[group] = inRegion }
        }
        var snapshot: [Int: Bool] { lock.withLock { serial } }
    }

    @Test func everyGroupRunsOnceAndOnlyWholeRoundsRunSerially() {
        let previous = EngineRuntime.threadCount
        defer { EngineRuntime.setThreadCount(previous) }
        EngineRuntime.setThreadCount(2)
        let visits = Visits()
        var kernelChunks = [Int](repeating: 0, count: 5)
        kernelChunks.withUnsafeMutableBufferPointer { chunks in
            Kernels.parallelGroups(5) { group in
                visits.record(group, serial: ck_serial() != 0)
                // A kernel inside a group: split across threads only for the last, unpaired group.
                Kernels.parallelChunks(8) { _ in chunks[group] += 1 }
            }
        }
        #expect(visits.snapshot == [0: true, 1: true, 2: true, 3: true, 4: false])
        #expect(kernelChunks == [1, 1, 1, 1, 2])
        #expect(ck_serial() == 0, "the region ends with the call")

        EngineRuntime.setThreadCount(1)
        let alone = Visits()
        Kernels.parallelGroups(3) { alone.record($0, serial: ck_serial() != 0) }
        #expect(alone.snapshot == [0: false, 1: false, 2: false])
    }

    @Test(.enabled(if: KernelPath.current == .native)) func groupingChangesNoBitOnTheNativeKernels() throws {
        let previous = EngineRuntime.threadCount
        defer { EngineRuntime.setThreadCount(previous) }
        EngineRuntime.setThreadCount(2)
        let model = try TestModels.model(TestModels.configJSON(heads: 3, headDim: 8, sampleSize: 16), seed: 31)
        var noise = GaussianNoise(seed: 32)
        let x = noise.tensor([5, 3, 16, 16])
        let captions = TestModels.captions(model, count: 5, padding: 2, seed: 33)
        let context = model.prepareContext(captions.states, mask: captions.mask)
        let timesteps: [Float] = [999, 500, 20, 1, 700]
        func run(_ groups: [Range<Int>]) -> Tensor {
            var executors = groups.map { _ in AlwaysCompute() }
            return model.forward(x, timesteps: timesteps, context: context, groups: groups, executors: &executors)
        }
        let whole = run([0..<5])
        #expect(whole.shape == [5, 3, 16, 16])
        #expect(run([0..<2, 2..<4, 4..<5]) == whole, "two groups across threads, one left over")
        #expect(run((0..<5).map { $0..<($0 + 1) }) == whole, "one sequence per group")
        let groups = PixArtTransformer.sequenceGroups(batch: 5)
        #expect(groups.flatMap { Array($0) } == Array(0..<5), "consecutive groups that tile the batch in order")
        #expect(groups.dropLast().allSatisfy { $0.count == PixArtTransformer.groupSequences }, "full groups first")
        #expect((1...PixArtTransformer.groupSequences).contains(groups.last?.count ?? 0), "a shorter last group")
    }
}
