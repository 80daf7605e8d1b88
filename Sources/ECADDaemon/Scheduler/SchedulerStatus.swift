import ECADCore

/// The one-line status the scheduler sends to systemd (`STATUS=`, shown by `systemctl status ecadd`), e.g.
/// `1 running, 2 pending, gen 3/12` (the running search's generation and budget), `gen 3/12 7/20` for two
/// searches (by job id), or `gen -` while no search has finished a generation.
package struct SchedulerStatus: Sendable, Equatable {
    /// A running search's progress.
    package struct Generation: Sendable, Equatable {
        /// The search job.
        package var job: JobID
        /// Offspring generations completed.
        package var done: Int
        /// The generation budget, if the spec has one.
        package var budget: Int?

        /// Creates a record.
        package init(job: JobID, done: Int, budget: Int?) {
            self.job = job
            self.done = done
            self.budget = budget
        }

        /// `3/12`, or `3` without a budget.
        package var text: String { budget.map { "\(done)/\($0)" } ?? "\(done)" }
    }

    /// RUNNING jobs in the store.
    package var running: Int
    /// PENDING jobs in the store.
    package var pending: Int
    /// Generations of the searches running here, by job id.
    package var generations: [Generation]

    /// Creates a status.
    package init(running: Int, pending: Int, generations: [Generation]) {
        self.running = running
        self.pending = pending
        self.generations = generations
    }

    /// The `STATUS=` text.
    package var line: String {
        let gen = generations.isEmpty ? "-" : generations.map(\.text).joined(separator: " ")
        return "\(running) running, \(pending) pending, gen \(gen)"
    }
}
