import ECADStore
import Testing

struct PriorityPolicyTests {
    let policy = PriorityPolicy()

    @Test func scoreIsTheDocumentedSum() {
        // priority 10 + age 100 * 0.5 + fair share 500 * 2^(-3600/3600) + short bonus 200
        let score = policy.score(priority: 10, kind: .generate, age: 43_200, ownerUsage: 3_600, ownerRunning: 0)
        #expect(abs(score - (10 + 50 + 250 + 200)) < 1e-9)
    }

    @Test func ageSaturatesAndIgnoresNegativeAges() {
        let old = policy.score(priority: 0, kind: .search, age: 10 * 86_400, ownerUsage: 0, ownerRunning: 0)
        let day = policy.score(priority: 0, kind: .search, age: 86_400, ownerUsage: 0, ownerRunning: 0)
        let future = policy.score(priority: 0, kind: .search, age: -100, ownerUsage: 0, ownerRunning: 0)
        #expect(old == day)
        #expect(future == policy.score(priority: 0, kind: .search, age: 0, ownerUsage: 0, ownerRunning: 0))
    }

    @Test func eachRunningJobCostsOneShareOfUsage() {
        let running = policy.score(priority: 0, kind: .search, age: 0, ownerUsage: 0, ownerRunning: 1)
        let used = policy.score(priority: 0, kind: .search, age: 0, ownerUsage: 3_600, ownerRunning: 0)
        #expect(running == used)
    }

    @Test func usageHalvesEveryHalfLife() {
        #expect(abs(policy.decayed(1_000, over: 3_600) - 500) < 1e-9)
        #expect(abs(policy.decayed(1_000, over: 7_200) - 250) < 1e-9)
        #expect(policy.decayed(1_000, over: 0) == 1_000)
        let custom = PriorityPolicy(usageHalfLife: 60)
        #expect(abs(custom.decayed(8, over: 180) - 1) < 1e-9)
    }
}
