import Foundation

extension PixArtTransformer {
    /// Sequences per forward group (see ``sequenceGroups(batch:)``).
    package static let groupSequences: Int = {
        if let text = ProcessInfo.processInfo.environment["ECAD_GROUP_SEQUENCES"], let n = Int(text), n > 0 { return n }
        return 2
    }()

    /// The model batch split into consecutive groups of ``groupSequences`` sequences (the last may be shorter).
    package static func sequenceGroups(batch: Int) -> [Range<Int>] {
        stride(from: 0, to: batch, by: groupSequences).map { $0..<min(batch, $0 + groupSequences) }
    }

    /// The transformer run group by group: each group of sequences goes through every block on one thread
    /// (``Kernels/parallelGroups(_:_:)``), so its activations stay in that core's cache, and `executors[g]`
    /// decides group `g`'s components. Every output element is computed as in the ungrouped forward. The
    /// positions are computed once per call, not per group.
    ///
    /// - Parameters:
    ///   - hiddenStates: `[B, C, H, W]`.
    ///   - timesteps: `[B]`.
    ///   - groups: ranges of the batch that tile `0..<B`, one per executor.
    /// - Returns: `[B, Cout, H, W]`.
    package func forward<E: ComponentExecutor>(
        _ hiddenStates: Tensor, timesteps: [Float], context: CaptionContext, groups: [Range<Int>],
        executors: inout [E]
    ) -> Tensor {
        precondition(groups.count == executors.count, "forward: \(groups.count) groups, \(executors.count) executors")
        let patch = config.patchSize
        let positions = positions(gridHeight: hiddenStates.shape[2] / patch, gridWidth: hiddenStates.shape[3] / patch)
        var outputs = [Tensor?](repeating: nil, count: groups.count)
        outputs.withUnsafeMutableBufferPointer { out in
            executors.withUnsafeMutableBufferPointer { run in
                Kernels.parallelGroups(groups.count) { g in
                    let range = groups[g]
                    let captions = CaptionContext(
                        states: context.states.slice(outer: range), keyBias: context.keyBias?.slice(outer: range))
                    out[g] = forward(
                        hiddenStates.slice(outer: range), timesteps: Array(timesteps[range]), context: captions,
                        positions: positions, executor: &run[g])
                }
            }
        }
        return Tensor.concatenate(outer: outputs.compactMap { $0 })
    }
}
