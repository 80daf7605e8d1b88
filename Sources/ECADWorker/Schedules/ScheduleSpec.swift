import ECADCore
import Foundation

/// Names a cache schedule on the command line: `uncached`, `fora:N` (blocks compute every N steps),
/// `tgate:K` (cross-attention reused from step K on), or a path to an `ecad.schedule/v1` JSON file.
public enum ScheduleSpec {
    /// Resolves `spec` for a PixArt model with `blocks` blocks and `steps` steps.
    public static func resolve(_ spec: String, blocks: Int, steps: Int) throws -> Schedule {
        let layout = try BlockLayout.pixart(blocks: blocks)
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count == 2 ? Int(parts[1]) : nil) {
        case ("uncached", _):
            return try Schedule(steps: steps, layout: layout, filled: true)
        case ("fora", let n?) where n >= 1:
            return try build(steps: steps, layout: layout) { step, _ in step % n == 0 }
        case ("tgate", let k?) where k >= 1:
            return try build(steps: steps, layout: layout) { step, component in component != 1 || step < k }
        default:
            guard let data = FileManager.default.contents(atPath: spec) else {
                throw WorkerError("schedule \"\(spec)\": not uncached, fora:N, tgate:K or a readable file")
            }
            let schedule = try ScheduleDocument(jsonBytes: [UInt8](data)).schedule
            guard schedule.layout == layout, schedule.steps == steps else {
                throw WorkerError("schedule \(spec) is \(schedule.steps) steps x \(schedule.blocks) blocks; model needs \(steps) x \(blocks)")
            }
            return schedule
        }
    }

    /// A schedule whose bit for (step, any block, component) is `compute(step, component)`.
    static func build(steps: Int, layout: BlockLayout, compute: (Int, Int) -> Bool) throws -> Schedule {
        var bits: [Bool] = []
        for step in 0..<steps {
            for _ in 0..<layout.blockCount {
                for component in 0..<layout.componentsPerBlock { bits.append(compute(step, component)) }
            }
        }
        return try Schedule(steps: steps, layout: layout, bits: bits)
    }
}
