@testable import ECADDaemon
import Synchronization
import Testing

struct ConnectionLimiterTests {
    @Test func aUidIsRefusedAtItsCapWhileOthersAreAdmitted() {
        let limiter = ConnectionLimiter(maxPerUser: 2) { _ in false }
        #expect(limiter.admit(1000) && limiter.admit(1000))
        #expect(!limiter.admit(1000))
        #expect(limiter.admit(1001))
        limiter.release(1000)
        #expect(limiter.admit(1000))
        #expect(!limiter.admit(1000))
    }

    @Test func exemptUidsAreNeverRefusedAndAskedOnlyAtTheCap() {
        let asked = Mutex<[UInt32]>([])
        let limiter = ConnectionLimiter(maxPerUser: 1) { uid in
            asked.withLock { $0.append(uid) }
            return uid == 0
        }
        for _ in 0..<3 { #expect(limiter.admit(0)) }
        #expect(limiter.admit(7))
        #expect(!limiter.admit(7))
        #expect(asked.withLock { $0 } == [0, 0, 7])
    }
}
