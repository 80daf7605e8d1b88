import ECADCore
import ECADStore
import Foundation
import Testing

struct ClaimPlannerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let planner = ClaimPlanner(policy: PriorityPolicy())

    func candidate(_ id: Int64, uid: UInt32 = 1, kind: JobKind = .search, priority: Int = 0, age: TimeInterval = 0)
        throws -> ClaimPlanner.Candidate
    {
        try ClaimPlanner.Candidate(
            id: JobID(id), ownerUID: uid, kind: kind, priority: priority,
            submittedAt: now.addingTimeInterval(-age))
    }

    func ids(_ picked: [ClaimPlanner.Candidate]) -> [Int64] { picked.map(\.id.rawValue) }

    @Test func higherPriorityFirstThenOlderId() throws {
        let picked = try planner.pick(
            from: [candidate(1), candidate(2, priority: 50), candidate(3)], count: 3, usage: [:], running: [:], now: now)
        #expect(ids(picked) == [2, 1, 3])
    }

    @Test func shortJobsBeatSearchesOfEqualPriority() throws {
        let picked = try planner.pick(
            from: [candidate(1, kind: .search), candidate(2, kind: .generate), candidate(3, kind: .evaluate)], count: 3,
            usage: [:], running: [:], now: now)
        #expect(ids(picked) == [2, 3, 1])
    }

    @Test func ageRaisesAWaitingJob() throws {
        // Job 1 waited a full day (age factor 1 = 100 points) and beats job 2's priority of 50.
        let picked = try planner.pick(
            from: [candidate(2, priority: 50), candidate(1, age: 86_400)], count: 1, usage: [:], running: [:], now: now)
        #expect(ids(picked) == [1])
    }

    @Test func heavyUserWaitsBehindLightUser() throws {
        // User 1 used two slot-hours recently (fair share 2^-2), user 2 nothing: user 2 goes first.
        let picked = try planner.pick(
            from: [candidate(1, uid: 1), candidate(2, uid: 2)], count: 2, usage: [1: 7_200], running: [:], now: now)
        #expect(ids(picked) == [2, 1])
    }

    @Test func oneUserDoesNotTakeEverySlotInARound() throws {
        // User 1 submitted first, three jobs; user 2 one job. With 2 slots, each user gets one.
        let candidates = try [candidate(1, uid: 1), candidate(2, uid: 1), candidate(3, uid: 1), candidate(4, uid: 2)]
        let picked = planner.pick(from: candidates, count: 2, usage: [:], running: [:], now: now)
        #expect(Set(picked.map(\.ownerUID)) == [1, 2])
        #expect(ids(picked) == [1, 4])
    }

    @Test func runningJobsCountAgainstTheirOwner() throws {
        let picked = try planner.pick(
            from: [candidate(1, uid: 1), candidate(2, uid: 2)], count: 1, usage: [:], running: [1: 1], now: now)
        #expect(ids(picked) == [2])
    }

    @Test func pickNeverExceedsCountOrCandidates() throws {
        #expect(try planner.pick(from: [candidate(1)], count: 5, usage: [:], running: [:], now: now).count == 1)
        #expect(try planner.pick(from: [candidate(1), candidate(2)], count: 0, usage: [:], running: [:], now: now).isEmpty)
    }
}
