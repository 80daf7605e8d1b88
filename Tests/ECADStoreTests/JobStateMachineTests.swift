import ECADCore
import ECADStore
import Testing

struct JobStateMachineTests {
    static let transitions: [JobTransition] = [
        .claim, .complete, .fail(.workerError), .cancel(by: 1000), .timeout, .hold(.jobHeldUser), .release,
        .requeue(.requeued),
    ]

    /// The full table: for each transition, the states it may leave and the state it reaches.
    static let allowed: [String: (sources: Set<JobState>, target: JobState)] = [
        "claim": ([.pending], .running),
        "complete": ([.running], .completed),
        "fail": ([.pending, .held, .running], .failed),
        "cancel": ([.pending, .held, .running], .cancelled),
        "timeout": ([.running], .timeout),
        "hold": ([.pending, .running], .held),
        "release": ([.held], .pending),
        "requeue": ([.running], .pending),
    ]

    @Test("every transition from every state is allowed or refused as the table says", arguments: transitions)
    func table(transition: JobTransition) throws {
        let expected = try #require(Self.allowed[transition.name])
        for state in JobState.allCases {
            if expected.sources.contains(state) {
                let outcome = try JobStateMachine.apply(transition, to: state)
                #expect(outcome.state == expected.target, "\(transition) from \(state)")
            } else {
                #expect(throws: StoreError.self, "\(transition) from \(state) must be refused") {
                    try JobStateMachine.apply(transition, to: state)
                }
            }
        }
        #expect(JobStateMachine.sources(of: transition) == expected.sources)
    }

    @Test func terminalStatesNeverChange() {
        for state in JobState.allCases where state.isTerminal {
            for transition in Self.transitions {
                #expect(throws: StoreError.self) { try JobStateMachine.apply(transition, to: state) }
            }
        }
    }

    @Test func reasonsAndRestarts() throws {
        let requeue = try JobStateMachine.apply(.requeue(.workerCrashed), to: .running)
        #expect(requeue.reason == .workerCrashed)
        #expect(requeue.countsRestart)
        let holdRunning = try JobStateMachine.apply(.hold(.jobHeldAdmin), to: .running)
        #expect(holdRunning.reason == .jobHeldAdmin && holdRunning.countsRestart)
        let holdPending = try JobStateMachine.apply(.hold(.jobHeldUser), to: .pending)
        #expect(!holdPending.countsRestart)
        let release = try JobStateMachine.apply(.release, to: .held)
        #expect(release.reason == .priority && !release.countsRestart)
        let fail = try JobStateMachine.apply(.fail(.invalidSpec), to: .pending)
        #expect(fail.reason == .invalidSpec)
        #expect(try JobStateMachine.apply(.claim, to: .pending).reason == nil)
    }

    @Test func refusalNamesTheStateAndTransition() throws {
        let id = try JobID(12)
        do {
            _ = try JobStateMachine.apply(.cancel(by: 7), to: .completed, job: id)
            Issue.record("cancel of a completed job was allowed")
        } catch {
            #expect(error.description.contains("12"))
            #expect(error.description.contains("COMPLETED"))
            #expect(error.description.contains("cancel"))
        }
    }
}
