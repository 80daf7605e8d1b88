import ECADCore
import Synchronization

/// Who holds each worker slot: a job's own worker, or an extra worker lent to a running job while nothing waits.
///
/// The scheduler claims jobs into free slots, lends what stays free, and takes lent slots back when a job is
/// waiting; a lent slot is free again only once its worker has exited, so no two workers ever share a slot.
package final class SlotTable: Sendable {
    /// A slot's holder.
    package struct Holder: Sendable, Equatable {
        /// The job whose worker runs in the slot.
        package var job: JobID
        /// Whether the slot is lent (an extra worker of the job) rather than the job's own.
        package var lent: Bool
        /// Whether the scheduler asked for a lent slot back.
        package var reclaiming = false
    }

    /// The slots, by index.
    package let slots: [WorkerSlot]
    private let holders: Mutex<[Holder?]>

    /// `count` slots; slot i owns `devices[i]` when devices are given.
    package init(count: Int, devices: [String]) {
        slots = (0..<count).map { WorkerSlot(index: $0, device: $0 < devices.count ? devices[$0] : nil) }
        holders = Mutex(Array(repeating: nil, count: count))
    }

    /// Slots nobody holds.
    package var free: Int { holders.withLock { $0.filter { $0 == nil }.count } }

    /// Slots lent to running jobs (also those being taken back).
    package var lent: Int { holders.withLock { $0.filter { $0?.lent == true }.count } }

    /// Lent slots not yet asked back, as (slot index, job).
    package var reclaimable: [(slot: Int, job: JobID)] {
        holders.withLock { holders in
            holders.indices.compactMap { index in
                guard let holder = holders[index], holder.lent, !holder.reclaiming else { return nil }
                return (index, holder.job)
            }
        }
    }

    /// Slots a job holds (its own and lent ones).
    package func held(by job: JobID) -> Int { holders.withLock { $0.filter { $0?.job == job }.count } }

    /// Takes a free slot for `job`'s own worker (`lent` false) or as an extra one; nil when none is free.
    package func take(for job: JobID, lent: Bool) -> WorkerSlot? {
        holders.withLock { holders in
            guard let index = holders.firstIndex(where: { $0 == nil }) else { return nil }
            holders[index] = Holder(job: job, lent: lent)
            return slots[index]
        }
    }

    /// Marks a lent slot as being taken back; false when it is not lent (any more).
    package func markReclaiming(_ index: Int) -> Bool {
        holders.withLock { holders in
            guard holders[index]?.lent == true, holders[index]?.reclaiming == false else { return false }
            holders[index]?.reclaiming = true
            return true
        }
    }

    /// Frees a slot once its worker has exited.
    package func release(_ index: Int) { holders.withLock { $0[index] = nil } }
}
