import ECADCore

/// The job lifecycle of DESIGN.md section 4 as a pure function: which transitions are legal from which state,
/// what state and reason they lead to, and whether they count a restart.
///
/// ```
/// PENDING(reason) → RUNNING → COMPLETED | FAILED(reason) | CANCELLED(by) | TIMEOUT
/// HELD(reason) ↔ PENDING;  RUNNING → PENDING(reason) with restarts+1;  RUNNING → HELD(reason) with restarts+1
/// ```
/// Terminal states never change. The store also guards every SQL update with `WHERE state IN (sources)` from
/// ``sources(of:)``, so a race between two writers cannot break the rule either.
public enum JobStateMachine {
    /// The outcome of a legal transition.
    public struct Outcome: Sendable, Hashable {
        /// The state after the transition.
        public var state: JobState
        /// The reason stored with the new state (nil for RUNNING, COMPLETED, TIMEOUT, CANCELLED).
        public var reason: JobReason?
        /// Whether the transition abandons a run and so adds one to the job's restart count.
        public var countsRestart: Bool
    }

    /// The states from which `transition` is legal.
    public static func sources(of transition: JobTransition) -> Set<JobState> {
        switch transition {
        case .claim: [.pending]
        case .release: [.held]
        case .complete, .timeout, .requeue: [.running]
        case .fail, .cancel: [.pending, .held, .running]
        case .hold: [.pending, .running]
        }
    }

    /// Applies `transition` to a job in `state`.
    /// - Throws: ``StoreError/invalidTransition(job:from:transition:)`` when the transition is not legal from
    ///   `state` (always so from a terminal state).
    public static func apply(_ transition: JobTransition, to state: JobState, job: JobID? = nil) throws(StoreError)
        -> Outcome
    {
        guard sources(of: transition).contains(state) else {
            throw StoreError.invalidTransition(job: job, from: state, transition: transition.description)
        }
        switch transition {
        case .claim:
            return Outcome(state: .running, reason: nil, countsRestart: false)
        case .complete:
            return Outcome(state: .completed, reason: nil, countsRestart: false)
        case .fail(let reason):
            return Outcome(state: .failed, reason: reason, countsRestart: false)
        case .cancel:
            return Outcome(state: .cancelled, reason: nil, countsRestart: false)
        case .timeout:
            return Outcome(state: .timeout, reason: nil, countsRestart: false)
        case .hold(let reason):
            return Outcome(state: .held, reason: reason, countsRestart: state == .running)
        case .release:
            return Outcome(state: .pending, reason: .priority, countsRestart: false)
        case .requeue(let reason):
            return Outcome(state: .pending, reason: reason, countsRestart: true)
        }
    }
}
