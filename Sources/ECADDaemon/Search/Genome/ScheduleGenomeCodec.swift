import ECADCore
import ECADSearch

/// Maps search genomes to caching schedules and back.
///
/// A schedule is the `[S][B][C]` bit tensor (1 = compute). Step 0 always computes at inference, so it is
/// not part of the genome: the genome is the flattened tensor of steps `1..<S`, in the schedule's own
/// step-major, block, component order, `(S - 1) · B · C` bits. Decoding sets every step-0 bit, so a
/// decoded schedule is normalized and its digest is that of the schedule the worker runs.
package struct ScheduleGenomeCodec: Sendable, Equatable {
    /// Denoising steps `S` (at least 2, or there is nothing to search).
    package let steps: Int
    /// The model's block layout (`B` blocks of `C` components).
    package let layout: BlockLayout

    /// A codec for `steps` steps over `layout`.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` for fewer than 2 steps.
    package init(steps: Int, layout: BlockLayout) throws(DaemonError) {
        guard steps >= 2 else {
            throw .invalidSpec(field: "search.sampler.steps", message: "a search needs at least 2 steps, got \(steps)")
        }
        self.steps = steps
        self.layout = layout
    }

    /// Bits per denoising step (`B · C`); step 0's are the ones the genome leaves out.
    package var bitsPerStep: Int { layout.blockCount * layout.componentsPerBlock }

    /// Bits per genome: `(S - 1) · B · C`.
    package var genomeLength: Int { (steps - 1) * bitsPerStep }

    /// The schedule a genome stands for (step 0 computes everything).
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` if the genome has the wrong length.
    package func schedule(from genome: Genome) throws(DaemonError) -> Schedule {
        guard genome.count == genomeLength else {
            throw .invalidSpec(field: "genome", message: "expected \(genomeLength) bits, got \(genome.count)")
        }
        let bits = [Bool](repeating: true, count: bitsPerStep) + genome.bits
        do {
            return try Schedule(steps: steps, layout: layout, bits: bits)
        } catch {
            throw .invalidSpec(field: "genome", message: error.description)
        }
    }

    /// The genome of `schedule` (its step-0 bits are dropped).
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `field` when the schedule's steps or
    ///   layout differ from the codec's.
    package func genome(from schedule: Schedule, field: String) throws(DaemonError) -> Genome {
        guard schedule.steps == steps, schedule.layout == layout else {
            throw .invalidSpec(
                field: field,
                message: "schedule has \(schedule.steps) steps × \(schedule.blocks) blocks, the search needs \(steps) × \(layout.blockCount) with the model's layout")
        }
        return Genome(bits: Array(schedule.bits.dropFirst(bitsPerStep)))
    }
}
